using System.Globalization;
using Microsoft.AspNetCore.Components;
using MMEvol.Core;
using MMEvol.Core.Evolution;
using MMEvol.Core.Model;
using MMEvol.Web.Account;

namespace MMEvol.Web.Components.Pages.Evolution;

public sealed partial class LaunchForm
{
    private readonly ModelFields.Values model = new();
    private int? datasetId;
    private string evolver = "offline";
    private string judge = "heuristic";
    private int rounds = 3;
    private int concurrency = 1;
    private int? limit;
    private int seed = 1;
    private double perception = 1, reasoning = 1, interaction = 1;
    private double faultRate = 0.15;
    private double? maxCost;
    private bool retryFailed;
    private bool busy;
    private string? error;
    private EvolutionEstimate? estimate;
    private string? estimatedFor;

    [Inject]
    private EvolutionJobs Jobs { get; set; } = null!;

    [Inject]
    private CurrentUser Current { get; set; } = null!;

    [Parameter, EditorRequired]
    public IReadOnlyList<(int Id, string Name)> Datasets { get; set; } = [];

    [Parameter]
    public EventCallback<Job> OnLaunched { get; set; }

    private bool UsesModel => evolver == "llm" || judge == "llm";

    /// <summary>The estimate describes other settings than the form now holds: launching needs a fresh one.</summary>
    private bool IsStale => estimatedFor != Fingerprint();

    protected override void OnParametersSet() => datasetId ??= Datasets.Count > 0 ? Datasets[0].Id : null;

    private EvolveSettings Settings() => new()
    {
        Rounds = rounds,
        Evolver = evolver,
        Judge = judge,
        Llm = UsesModel ? model.Options() : null,
        Concurrency = concurrency,
        FaultRate = faultRate,
        Weights = DirectionWeights.Parse(string.Create(CultureInfo.InvariantCulture, $"{perception},{reasoning},{interaction}")).ToString(),
        Seed = seed,
        Limit = limit,
        RetryFailed = retryFailed,
    };

    private string Fingerprint()
    {
        try
        {
            return $"{datasetId}|{maxCost}|{Settings().ToJson()}";
        }
        catch (WorkbenchException e)
        {
            return e.Message;
        }
    }

    private Task EstimateAsync() => RunAsync(async () =>
    {
        estimate = await Jobs.EstimateAsync(datasetId!.Value, Settings());
        estimatedFor = Fingerprint();
    });

    private Task LaunchAsync() => RunAsync(async () =>
    {
        if (IsStale)
            throw new WorkbenchException("The settings changed since the estimate: estimate again before launching.");
        var job = await Jobs.LaunchAsync(datasetId!.Value, Settings(), maxCost, await Current.NameAsync());
        (estimate, estimatedFor) = (null, null);
        await OnLaunched.InvokeAsync(job);
    });

    private async Task RunAsync(Func<Task> action)
    {
        (busy, error) = (true, null);
        try
        {
            await action();
        }
        catch (WorkbenchException e)
        {
            error = e.Message;
        }
        finally
        {
            busy = false;
        }
    }
}
