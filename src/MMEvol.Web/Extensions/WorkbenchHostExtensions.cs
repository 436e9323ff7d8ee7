using Microsoft.AspNetCore.DataProtection;
using MMEvol.Core;
using MMEvol.Core.Data;
using MMEvol.Core.Storage;
using MMEvol.Web.Components.Pages.Dashboard;
using MMEvol.Web.Components.Pages.Data;
using MMEvol.Web.Components.Pages.Evolution;
using MMEvol.Web.Media;
using MMEvol.Web.Setup;

namespace MMEvol.Web.Extensions;

internal static class WorkbenchHostExtensions
{
    /// <summary>The README's address, used when nothing (ASPNETCORE_URLS, --urls, a launch profile) names another.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Set to false where a separate worker process (`mmevol worker`) runs the jobs.</summary>
    public const string RunWorkerKey = "Jobs:RunWorker";

    /// <summary>
    /// The store in the one data directory (--data, then MMEVOL_DATA, then data/ at the repository
    /// root), first-start setup, the job worker, and the services the pages and media endpoints use.
    /// </summary>
    public static WebApplicationBuilder AddWorkbenchHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        // MapStaticAssets adds, when run from build output, a catch-all endpoint for any file in the web
        // root; it would bypass the split between the public sign-in assets and the rest (UseWorkbenchPipeline).
        configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(configuration["http_ports"])
            && string.IsNullOrEmpty(configuration["https_ports"]))
            builder.WebHost.UseUrls(DefaultUrl);

        // Read through configuration rather than the environment alone, so that a test host can point it elsewhere.
        var data = DataDirectory.FromEnvironment(configuration["data"] ?? configuration[DataDirectory.EnvironmentVariable], configuration["db"]);
        var services = builder.Services;
        // Keys beside the store: sign-in cookies survive restarts and belong to this data directory.
        services.AddDataProtection().SetApplicationName("MMEvol.Workbench").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.Root, "keys")));
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminBootstrap>();
        services.AddSingleton<DemoBootstrap>();
        // Hosted services start in registration order: the store is migrated before the job worker claims anything.
        services.AddHostedService<WorkbenchSetup>();
        services.AddWorkbench(data, runWorker: configuration.GetValue(RunWorkerKey, true));
        // Where the searches are: items written by any process (jobs, the CLI) are indexed for phrases here.
        services.AddHostedService<PhraseIndexer>();
        services.AddSingleton<RecordImages>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<EvolutionJobs>();
        services.AddSingleton<DataJobs>();
        return builder;
    }
}
