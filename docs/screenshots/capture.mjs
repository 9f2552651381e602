// Takes docs/images/dashboard-*.png from a running AppHost: the resources page and the trace of one call.
// Usage: node capture.mjs DASHBOARD_URL BROWSER_TOKEN API_KEY OUTPUT_DIR  (capture.sh starts everything first)
import { chromium } from 'playwright-core';

const [, , dashboard, token, apiKey, outputDir] = process.argv;

async function callTrace() {
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetch(`${dashboard}/api/telemetry/spans?resource=monitor`, { headers: { 'x-api-key': apiKey } });
    if (response.ok) {
      const body = await response.json();
      const spans = body.data.resourceSpans.flatMap(r => r.scopeSpans.flatMap(s => s.spans));
      const root = spans.find(s => s.name === 'incoming call');
      if (root && spans.some(s => s.name === 'announce call' && s.traceId === root.traceId)) {
        return root.traceId;
      }
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error('no "incoming call" trace reached the dashboard within 60 s');
}

const traceId = await callTrace();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  // No background traffic: this machine reaches no outside host.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 620 }, locale: 'de-DE' });
  await page.goto(`${dashboard}/login?t=${token}`);
  await page.waitForLoadState('networkidle');

  async function dismissBanners() {
    // A development machine without a trusted dev certificate shows a warning, and a fresh dashboard a welcome
    // note, neither part of the picture: press the close button, the last button of the message bar that holds it.
    await page.evaluate(() => {
      for (const bar of document.querySelectorAll('.fluent-messagebar, fluent-message-bar, [class*="messagebar"]')) {
        if (bar.textContent?.includes('development certificate') || bar.textContent?.includes('Welcome to the new Aspire dashboard')) {
          const buttons = bar.querySelectorAll('button, fluent-button');
          buttons[buttons.length - 1]?.click();
        }
      }
    });
  }

  await page.goto(`${dashboard}/`);
  await page.getByText('monitor', { exact: true }).first().waitFor({ timeout: 30000 });
  await dismissBanners();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${outputDir}/dashboard-resources.png` });

  await page.goto(`${dashboard}/traces/detail/${traceId}`);
  await page.getByText('announce call').first().waitFor({ timeout: 30000 });
  await dismissBanners();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${outputDir}/dashboard-call-trace.png` });
  console.log(`trace ${traceId}: ${outputDir}/dashboard-resources.png, ${outputDir}/dashboard-call-trace.png`);
} catch (error) {
  const page = browser.contexts()[0]?.pages()[0];
  if (page) {
    await page.screenshot({ path: `${outputDir}/capture-failed.png` }).catch(() => {});
    console.error(`failed on ${page.url()}; what the browser showed is in ${outputDir}/capture-failed.png`);
  }
  throw error;
} finally {
  await browser.close();
}
