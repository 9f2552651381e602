using RenfieldSip.Monitor;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddServiceDefaults();
builder.AddMonitorServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMonitorEndpoints();
await app.RunAsync();
