using MMEvol.Core.Llm;

namespace MMEvol.Core.Tests.Llm;

public sealed class LlmOptionsTests
{
    private static readonly LlmOptions Valid = new() { Endpoint = "http://localhost:11434/v1", Model = "llava" };

    [Fact]
    public void Validate_Defaults_Pass() => Valid.Validate();

    public static TheoryData<LlmOptions, string> Invalid => new()
    {
        { Valid with { Endpoint = "localhost:8000" }, "endpoint" },
        { Valid with { Endpoint = "ftp://host/v1" }, "endpoint" },
        { Valid with { Model = " " }, "model" },
        { Valid with { ApiKeyEnv = "MY-KEY" }, "environment variable" },
        { Valid with { Temperature = 3 }, "temperature" },
        { Valid with { MaxTokens = 0 }, "max tokens" },
        { Valid with { AttemptTimeoutSeconds = 0 }, "attempt timeout" },
        { Valid with { AttemptTimeoutSeconds = 60, TotalTimeoutSeconds = 30 }, "total timeout" },
        { Valid with { MaxRetries = -1 }, "retries" },
        { Valid with { PricePerMillionOutputTokens = -1 }, "prices" },
        { Valid with { ImageDetail = "ultra" }, "image detail" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BadValue_ThrowsNamingIt(LlmOptions options, string named)
    {
        var error = Assert.Throws<WorkbenchException>(options.Validate);

        Assert.Contains(named, error.Message);
    }
}
