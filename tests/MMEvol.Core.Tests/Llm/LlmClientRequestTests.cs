using MMEvol.Core.Formats;
using MMEvol.Core.Llm;
using MMEvol.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MMEvol.Core.Tests.Llm;

/// <summary>What goes on the wire and what comes back, over real loopback HTTP.</summary>
public sealed class LlmClientRequestTests
{
    [Fact]
    public async Task CompleteAsync_WithPreparedImage_SendsJpegDataUrlAtMost512Px()
    {
        var folder = Directory.CreateTempSubdirectory("mmevol-llm-");
        try
        {
            var path = Path.Combine(folder.FullName, "wide.png");
            using (var image = new Image<Rgb24>(1600, 900, new Rgb24(30, 140, 90)))
                await image.SaveAsPngAsync(path);
            await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("ok"));
            using var client = LlmTestClient.Create(stub);

            await client.AskAsync(ImagePreparer.Jpeg(path, ImageLimits.Default));

            var request = Assert.Single(stub.Requests);
            var url = Assert.Single(request.ImageUrls);
            const string prefix = "data:image/jpeg;base64,";
            Assert.StartsWith(prefix, url);
            var sent = Image.Identify(Convert.FromBase64String(url[prefix.Length..]), out var format);
            Assert.Equal("JPEG", format.Name);
            Assert.Equal((512, 288), (sent.Width, sent.Height));
            Assert.Contains("\"detail\":\"low\"", request.Body);
            Assert.Contains(LlmTestClient.User, request.MessageTexts);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CompleteAsync_Settings_AppearInBody()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("{}"));
        using var client = LlmTestClient.Create(stub, o => o with { Model = "qwen2-vl-7b", Temperature = 0.3, MaxTokens = 123, Seed = 42 });

        await client.AskAsync(json: true);

        var body = Assert.Single(stub.Requests).Json;
        Assert.Equal("qwen2-vl-7b", body.GetProperty("model").GetString());
        Assert.Equal(0.3, body.GetProperty("temperature").GetDouble(), 6);
        // A local server gets max_tokens, the field Ollama, vLLM and LM Studio all read.
        Assert.Equal(123, body.GetProperty("max_tokens").GetInt32());
        Assert.False(body.TryGetProperty("max_completion_tokens", out _));
        Assert.Equal(42, body.GetProperty("seed").GetInt32());
        Assert.Equal("json_object", body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal([LlmTestClient.System, LlmTestClient.User], Assert.Single(stub.Requests).MessageTexts);
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", true)]
    [InlineData("https://my-team.openai.azure.com/openai/v1", true)]
    [InlineData("http://localhost:11434/v1", false)]
    [InlineData("http://gpu-box:8000/v1", false)]
    public void UsesMaxCompletionTokens_ByHost_OnlyOpenAiHosts(string endpoint, bool expected) =>
        Assert.Equal(expected, LlmSettings.UsesMaxCompletionTokens(new Uri(endpoint)));

    [Fact]
    public async Task CompleteAsync_UsageReported_ReturnsTextTokensAndCost()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("An evolved question.", 1000, 500));
        using var client = LlmTestClient.Create(stub, o => o with { PricePerMillionInputTokens = 2, PricePerMillionOutputTokens = 8 });

        var call = await client.AskAsync();

        Assert.Equal("An evolved question.", call.Text);
        Assert.Equal(1000, call.PromptTokens);
        Assert.Equal(500, call.CompletionTokens);
        Assert.Equal(0.006, call.Cost, 9);
        Assert.True(call.LatencyMs >= 0);
    }

    [Fact]
    public async Task CompleteAsync_NoUsageReported_ReturnsNullTokensAndZeroCost()
    {
        await using var stub = await ChatCompletionsStub.StartAsync(_ => StubReply.Completion("ok", null, null));
        using var client = LlmTestClient.Create(stub, o => o with { PricePerMillionInputTokens = 2 });

        var call = await client.AskAsync();

        Assert.Null(call.PromptTokens);
        Assert.Null(call.CompletionTokens);
        Assert.Equal(0, call.Cost);
    }
}
