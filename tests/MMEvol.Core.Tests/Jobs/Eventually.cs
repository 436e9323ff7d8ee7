namespace MMEvol.Core.Tests.Jobs;

/// <summary>Waits on a condition, never on a duration: a loaded machine only makes it slower, not red.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, int timeoutSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met within {timeoutSeconds} s; last value: {value}");
            await Task.Delay(20);
        }
    }

    public static async Task<T> Within<T>(Task<T> task, int timeoutSeconds = 60) =>
        await task.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds));
}
