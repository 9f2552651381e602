using RenfieldSip.Monitor;

await using var app = MonitorApplication.Create(args);
await app.RunAsync();
