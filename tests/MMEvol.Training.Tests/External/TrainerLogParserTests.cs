using MMEvol.Training.External;

namespace MMEvol.Training.Tests.External;

public sealed class TrainerLogParserTests
{
    [Fact]
    public void Parse_HfPythonRepr_ReadsLossLearningRateAndEpoch()
    {
        var point = new TrainerLogParser().Parse("{'loss': 1.2345, 'grad_norm': 3.1, 'learning_rate': 1.9e-05, 'epoch': 0.12}");

        Assert.Equal(new TrainingPoint(1, 1.2345, 1.9e-05, 0.12), point);
    }

    [Fact]
    public void Parse_HfJson_ReadsTheSameAsTheRepr()
    {
        var point = new TrainerLogParser().Parse("""{"loss": 0.5, "learning_rate": 2e-05, "epoch": 1.0}""");

        Assert.Equal(new TrainingPoint(1, 0.5, 2e-05, 1.0), point);
    }

    [Fact]
    public void Parse_HfDictsWithoutStep_CountsLoggingEvents()
    {
        var parser = new TrainerLogParser();

        var steps = new[] { "{'loss': 3.0}", "some other line", "{'loss': 2.0}", "{'loss': 1.0}" }.Select(parser.Parse).OfType<TrainingPoint>().Select(p => p.Step);

        Assert.Equal([1L, 2L, 3L], steps);
    }

    [Fact]
    public void Parse_TqdmPrefix_TakesTheStepFromTheBar()
    {
        var parsed = new TrainerLogParser().Read("  5%|▌         | 10/200 [00:10<03:10,  1.00it/s]{'loss': 1.5, 'learning_rate': 1e-05, 'epoch': 0.05}");

        Assert.Equal(new TrainingPoint(10, 1.5, 1e-05, 0.05, TotalSteps: 200), parsed!.Point);
        Assert.True(parsed.ExactStep);
    }

    [Fact]
    public void Parse_SeveralBarRedrawsBeforeTheDict_TakesTheLastCount()
    {
        var point = new TrainerLogParser().Parse(" 4%|▍ | 8/200 [00:08<03:12, 1.00it/s] 5%|▌ | 9/200 [00:09<03:11, 1.00it/s]{'loss': 1.5}");

        Assert.Equal(9, point!.Step);
    }

    [Theory]
    [InlineData("{'loss': 1.5, 'epoch': 0.05}", null)]
    [InlineData("{'loss': 1.5, 'max_steps': 300}", 300L)]
    [InlineData("{'loss': 1.5, 'total_steps': 0}", null)]
    [InlineData(" 4%|▍ | 8/250 [00:08<03:12, 1.00it/s]{'loss': 1.5}", 250L)]
    public void Parse_StatedTotal_IsTheRunsLength(string line, long? total) => Assert.Equal(total, new TrainerLogParser().Parse(line)!.TotalSteps);

    [Fact]
    public void Parse_CountingAfterABarStep_ContinuesFromIt()
    {
        var parser = new TrainerLogParser();
        parser.Parse("50/100 [00:50<00:50, 1.00it/s]{'loss': 1.5}");

        Assert.Equal(51, parser.Parse("{'loss': 1.4}")!.Step);
    }

    [Theory]
    [InlineData("{'train_runtime': 12.3, 'train_samples_per_second': 8.1, 'train_steps_per_second': 1.0, 'train_loss': 1.1, 'epoch': 1.0}")]
    [InlineData("{'train_runtime': 12.3, 'loss': 1.1}")]
    [InlineData("{'eval_loss': 0.9, 'eval_runtime': 1.0, 'epoch': 1.0}")]
    [InlineData("""{"current_steps": 10, "total_steps": 100, "eval_loss": 0.9, "epoch": 0.1, "percentage": 10.0}""")]
    public void Parse_SummaryOrEvalDict_IsNoPoint(string line)
    {
        var parser = new TrainerLogParser();

        Assert.Null(parser.Parse(line));
        Assert.Equal(1, parser.Parse("{'loss': 1.0}")!.Step);
    }

    [Fact]
    public void Parse_LlamaFactoryTrainerLog_ReadsStepLossAndLr()
    {
        var parsed = new TrainerLogParser().Read(
            """{"current_steps": 10, "total_steps": 100, "loss": 1.2, "lr": 1e-05, "epoch": 0.1, "percentage": 10.0, "elapsed_time": "0:00:10", "remaining_time": "0:01:30"}""");

        Assert.Equal(new TrainingPoint(10, 1.2, 1e-05, 0.1, TotalSteps: 100), parsed!.Point);
        Assert.True(parsed.ExactStep);
    }

    [Theory]
    [InlineData("{'loss': nan, 'learning_rate': 1e-05, 'epoch': 0.5}")]
    [InlineData("{'loss': inf, 'learning_rate': 1e-05, 'epoch': 0.5}")]
    [InlineData("""{"loss": NaN, "learning_rate": 1e-05, "epoch": 0.5}""")]
    [InlineData("""{"loss": -Infinity, "learning_rate": 1e-05, "epoch": 0.5}""")]
    public void Parse_NonFiniteLoss_KeepsTheStepWithoutALoss(string line)
    {
        var point = new TrainerLogParser().Parse(line);

        Assert.Equal(new TrainingPoint(1, null, 1e-05, 0.5), point);
    }

    [Fact]
    public void Parse_ValuesWrappedInCalls_UnwrapsSingleNumbers()
    {
        var point = new TrainerLogParser().Parse("{'loss': np.float64(0.75), 'grad_norm': tensor(3.1, device='cuda:0'), 'learning_rate': tensor(1e-05), 'epoch': 2}");

        Assert.Equal(new TrainingPoint(1, 0.75, 1e-05, 2), point);
    }

    [Fact]
    public void Parse_PythonStringsBooleansAndNone_AreConverted()
    {
        var point = new TrainerLogParser().Parse(@"{'loss': 1.0, 'note': 'it\'s ""quoted""', 'flag': True, 'other': False, 'missing': None, 'learning_rate': None}");

        Assert.Equal(new TrainingPoint(1, 1.0, null, null), point);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Saving model checkpoint to out/checkpoint-10")]
    [InlineData("{'loss': 1.2, 'learning_rate'")]
    [InlineData("{'loss': 1.2, 'note': 'unterminated}")]
    [InlineData("{'loss': tensor(1.2, }")]
    [InlineData("} {")]
    [InlineData("{'loss': }")]
    [InlineData("{{{{{{{{")]
    [InlineData("[1, 2, {'loss': 1.0]")]
    [InlineData("{'loss' 1.0}")]
    [InlineData("\"current_steps\": 10, \"loss\": 1.2}")]
    public void Parse_GarbageOrPartialLine_IsNoPoint(string line)
    {
        Assert.Null(new TrainerLogParser().Parse(line));
    }

    [Fact]
    public void Parse_LossAsString_KeepsTheStepWithoutALoss()
    {
        var point = new TrainerLogParser().Parse("{'loss': 'n/a', 'epoch': 0.5}");

        Assert.Equal(new TrainingPoint(1, null, null, 0.5), point);
    }
}
