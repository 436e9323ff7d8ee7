using MMEvol.Training.Probe;

namespace MMEvol.Training.Tests.Probe;

public sealed class DataOrderTests : IClassFixture<DataOrderTests.World>
{
    private readonly ProbeData _data;

    public DataOrderTests(World world) => _data = world.Data;

    [Fact]
    public void Epoch_EverySampleOnceAndTheSameForTheSameSeed()
    {
        var order = new DataOrder(_data, batchSize: 8, bucketBatches: 4, seed: 3);

        var epoch = order.Epoch(0);

        Assert.Equal(Enumerable.Range(0, _data.Count), epoch.SelectMany(b => b).Order());
        Assert.Equal(epoch, new DataOrder(_data, 8, 4, 3).Epoch(0));
        Assert.NotEqual(epoch, order.Epoch(1));
        Assert.NotEqual(epoch, new DataOrder(_data, 8, 4, 4).Epoch(0));
    }

    [Fact]
    public void Epoch_Buckets_PadLessThanPlainShuffling()
    {
        var order = new DataOrder(_data, batchSize: 8, bucketBatches: 8, seed: 3);

        long Padding(List<int[]> batches) => batches.Sum(b => b.Sum(i => (long)(b.Max(_data.Length) - _data.Length(i))));

        Assert.True(Padding(order.Epoch(0)) < Padding(order.UnbucketedEpoch(0)) / 2,
            $"bucketed {Padding(order.Epoch(0))} vs plain {Padding(order.UnbucketedEpoch(0))} padding tokens");
    }

    public sealed class World : IDisposable
    {
        private readonly ShapesSamples _samples = new(images: 60);

        public World()
        {
            var tokenizer = WordTokenizer.Build(_samples.Samples.SelectMany(s => new[] { s.Question, s.Answer }));
            Data = ProbeData.Build(_samples.Samples, tokenizer, ShapesSamples.TinyOptions(1));
        }

        public ProbeData Data { get; }

        public void Dispose() => _samples.Dispose();
    }
}
