using System.Diagnostics;
using MMEvol.Training.External;

namespace MMEvol.Training.Tests.External;

public sealed class ExternalTrainerRunCancelTests
{
    // A stop that hangs runs into the scripts' 300 s sleeps or the options' 30 s defaults; a loaded 2-core CI
    // machine has taken 10 s for a legitimate stop (cancel timeout, drains, grace period), so the bound sits between.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(18); // under the 20 s the helper below waits at most

    /// <summary>Prints its pid, leaves a grandchild sleeping in the background, and loops until killed.</summary>
    private const string LongTrainer = """
        echo "pid $$"
        sleep 300 &
        echo $! > "$3/grandchild.pid"
        while true; do sleep 0.1; done
        """;

    private static async Task<(ExternalTrainerOutcome Outcome, TimeSpan Took)> CancelAsync(Task<ExternalTrainerOutcome> run, CancellationTokenSource cancel)
    {
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        return (await run.WaitAsync(TimeSpan.FromSeconds(20)), clock.Elapsed);
    }

    private static async Task<(int Child, int Grandchild)> StartedAsync(TrainerRunHarness harness) =>
        (int.Parse((await harness.LineAsync(l => l.StartsWith("pid ", StringComparison.Ordinal)))[4..]),
         int.Parse(await harness.FileTextAsync(harness.OutputFile("grandchild.pid"))));

    [Fact]
    public async Task RunAsync_CancelledWithoutCancelCommand_KillsChildAndGrandchildPromptly()
    {
        using var harness = new TrainerRunHarness();
        using var cancel = new CancellationTokenSource();
        var run = harness.RunAsync(new TrainerProfile("local", harness.Script(LongTrainer)), cancellationToken: cancel.Token);
        var (child, grandchild) = await StartedAsync(harness);
        Assert.True(LinuxProcesses.IsRunning(grandchild));

        var (outcome, took) = await CancelAsync(run, cancel);

        Assert.True(outcome.Cancelled);
        Assert.False(outcome.Succeeded);
        Assert.True(took < Hang, $"took {took}");
        Assert.True(await LinuxProcesses.GoneWithinAsync(child), "child still runs");
        Assert.True(await LinuxProcesses.GoneWithinAsync(grandchild), "grandchild still runs");
    }

    [Fact]
    public async Task RunAsync_CancelCommandKillsThePid_EndsWithoutWaitingOutTheGraceAndLeavesNoOrphan()
    {
        using var harness = new TrainerRunHarness();
        using var cancel = new CancellationTokenSource();
        var profile = new TrainerProfile("graceful", harness.Script(LongTrainer)) { CancelTemplate = "echo cancel {pid} > {output}/cancel.txt; kill {pid}" };
        var run = harness.RunAsync(profile, TrainerRunHarness.Fast with { GracePeriod = TimeSpan.FromSeconds(30) }, cancel.Token);
        var (child, grandchild) = await StartedAsync(harness);

        var (outcome, took) = await CancelAsync(run, cancel);

        Assert.True(outcome.Cancelled);
        Assert.Equal($"cancel {child}", File.ReadAllText(harness.OutputFile("cancel.txt")).Trim());
        Assert.True(took < Hang, $"took {took}: the cancel command's kill did not end the run");
        Assert.Contains("[workbench] the cancel command exited with code 0.", harness.Lines);
        Assert.True(await LinuxProcesses.GoneWithinAsync(grandchild), "grandchild outlived its killed parent");
    }

    [Fact]
    public async Task RunAsync_SbatchLikeCommandCancelled_RunsTheCancelCommandWithTheJobId()
    {
        using var harness = new TrainerRunHarness();
        using var cancel = new CancellationTokenSource();
        var command = harness.Script("""
            echo "pid $$"
            echo "Submitted batch job 4242"
            while true; do sleep 0.1; done
            """);
        var profile = new TrainerProfile("slurm", command) { CancelTemplate = "echo {job} > {output}/scancel.txt; echo cancelling job {job}" };
        var run = harness.RunAsync(profile, cancellationToken: cancel.Token);
        var child = int.Parse((await harness.LineAsync(l => l.StartsWith("pid ", StringComparison.Ordinal)))[4..]);
        await harness.LineAsync(l => l == "[workbench] scheduler job 4242");

        var (outcome, took) = await CancelAsync(run, cancel);

        Assert.True(outcome.Cancelled);
        Assert.Equal("4242", outcome.SchedulerJobId);
        Assert.Equal("4242", File.ReadAllText(harness.OutputFile("scancel.txt")).Trim());
        Assert.Contains("[cancel] cancelling job 4242", harness.Lines);
        Assert.True(took < Hang, $"took {took}");
        Assert.True(await LinuxProcesses.GoneWithinAsync(child), "the submitting command still runs");
    }

    [Fact]
    public async Task RunAsync_CancelledBeforeAJobIdWasPrinted_SkipsTheCancelCommandAndKills()
    {
        using var harness = new TrainerRunHarness();
        using var cancel = new CancellationTokenSource();
        var command = harness.Script("echo \"pid $$\"\nwhile true; do sleep 0.1; done");
        var profile = new TrainerProfile("slurm", command) { CancelTemplate = "echo {job} > {output}/scancel.txt" };
        var run = harness.RunAsync(profile, TrainerRunHarness.Fast with { GracePeriod = TimeSpan.FromSeconds(1) }, cancel.Token);
        var child = int.Parse((await harness.LineAsync(l => l.StartsWith("pid ", StringComparison.Ordinal)))[4..]);

        var (outcome, _) = await CancelAsync(run, cancel);

        Assert.True(outcome.Cancelled);
        Assert.Null(outcome.SchedulerJobId);
        Assert.False(File.Exists(harness.OutputFile("scancel.txt")));
        Assert.Contains(harness.Lines, l => l.StartsWith("[workbench] stopping before the command printed a job id", StringComparison.Ordinal));
        Assert.True(await LinuxProcesses.GoneWithinAsync(child));
    }

    [Fact]
    public async Task RunAsync_CancelCommandHangs_IsKilledAfterItsTimeout()
    {
        using var harness = new TrainerRunHarness();
        using var cancel = new CancellationTokenSource();
        var profile = new TrainerProfile("stuck", harness.Script(LongTrainer)) { CancelTemplate = "echo $$ > {output}/cancel.pid; sleep 300" };
        var options = TrainerRunHarness.Fast with { CancelTimeout = TimeSpan.FromSeconds(1), GracePeriod = TimeSpan.FromSeconds(1) };
        var run = harness.RunAsync(profile, options, cancel.Token);
        var (child, grandchild) = await StartedAsync(harness);

        var (outcome, took) = await CancelAsync(run, cancel);

        Assert.True(outcome.Cancelled);
        Assert.True(took < Hang, $"took {took}");
        Assert.Contains("[workbench] the cancel command did not finish within 1 s and was killed.", harness.Lines);
        var cancelPid = int.Parse(await harness.FileTextAsync(harness.OutputFile("cancel.pid")));
        Assert.True(await LinuxProcesses.GoneWithinAsync(cancelPid), "the cancel command still runs");
        Assert.True(await LinuxProcesses.GoneWithinAsync(child));
        Assert.True(await LinuxProcesses.GoneWithinAsync(grandchild));
    }

    [Fact]
    public async Task RunAsync_AlreadyCancelled_StartsNothing()
    {
        using var harness = new TrainerRunHarness();
        var marker = Path.Combine(harness.Root, "started");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            harness.RunAsync(new TrainerProfile("p", $"touch '{marker}'"), cancellationToken: new CancellationToken(canceled: true)));

        Assert.False(File.Exists(marker));
    }
}
