namespace WeChatPay.Chain.Tests.Support;

/// <summary>
/// Runs a call that must be refused against an instance aimed at a <see cref="RawHttpServer"/>, and proves the
/// refusal came first: the call fails with an <see cref="ArgumentException"/> and the server never saw a connection.
/// </summary>
internal static class Refusal
{
    /// <summary>The refusal of <paramref name="call"/>, asserting that nothing reached the server.</summary>
    /// <param name="call">The call, made on an APIv3 and APIv2 instance whose base address is the raw server.</param>
    /// <param name="configure">Changes to the instance's options before <see cref="Builder.Factory"/>.</param>
    public static async Task<ArgumentException> Of(Func<dynamic, Task> call, Action<BuilderOptions, Uri>? configure = null)
    {
        await using var server = new RawHttpServer(_ => Task.FromResult((200, (IDictionary<string, string>)new Dictionary<string, string>(), "{}")));
        var options = TestKeys.Options(new FixedTime(), server.BaseUri);
        options.Secret = V2.Secret;
        configure?.Invoke(options, server.BaseUri);
        dynamic wx = Builder.Factory(options);

        var error = Assert.CatchAsync<ArgumentException>(() => call(wx));

        Assert.That(server.Connections, Is.Zero, "the refused call reached the server");
        return error!;
    }
}
