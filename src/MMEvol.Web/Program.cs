using MMEvol.Web.Extensions;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Locate() });
builder.AddWorkbenchHost();
builder.Services.AddWorkbenchTraining();
builder.Services.AddWorkbenchIdentity();
builder.Services.AddWorkbenchUi();

var app = builder.Build();
app.UseWorkbenchPipeline();
app.MapWorkbenchEndpoints();
app.Run();
