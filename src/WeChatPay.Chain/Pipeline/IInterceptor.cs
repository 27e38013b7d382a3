using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// One named step of the request pipeline, run on Flurl's <c>BeforeCall</c> and <c>AfterCall</c> events, so it runs on a
/// real call and under <see cref="Flurl.Http.Testing.HttpTest"/> alike.
/// </summary>
public interface IInterceptor
{
    /// <summary>The unique name the pipeline knows this step by (the built-in ones are <c>signer</c> and <c>verifier</c>).</summary>
    string Name { get; }

    /// <summary>Runs before the request goes out. Change the request through <see cref="FlurlCall.Request"/>.</summary>
    /// <param name="call">The call in flight.</param>
    Task BeforeCallAsync(FlurlCall call) => Task.CompletedTask;

    /// <summary>Runs once the response (or failure) is in; throw to fail the call.</summary>
    /// <param name="call">The call in flight.</param>
    Task AfterCallAsync(FlurlCall call) => Task.CompletedTask;
}

/// <summary>Builds small interceptors from delegates.</summary>
public static class Interceptor
{
    /// <summary>An interceptor that runs <paramref name="action"/> before each call.</summary>
    /// <param name="name">Its unique name.</param>
    /// <param name="action">What to do with the call.</param>
    public static IInterceptor Before(string name, Func<FlurlCall, Task> action) => new Delegating(name, action, null);

    /// <summary>An interceptor that runs <paramref name="action"/> after each call.</summary>
    /// <param name="name">Its unique name.</param>
    /// <param name="action">What to do with the call.</param>
    public static IInterceptor After(string name, Func<FlurlCall, Task> action) => new Delegating(name, null, action);

    private sealed class Delegating(string name, Func<FlurlCall, Task>? before, Func<FlurlCall, Task>? after) : IInterceptor
    {
        public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

        public Task BeforeCallAsync(FlurlCall call) => before?.Invoke(call) ?? Task.CompletedTask;

        public Task AfterCallAsync(FlurlCall call) => after?.Invoke(call) ?? Task.CompletedTask;
    }
}
