namespace WeChatPay.Chain;

/// <summary>
/// A point in the URL chain, for callers who avoid <c>dynamic</c>. Member access on a <c>dynamic</c> node adds
/// segments; these methods are what both kinds of caller share. Nodes are immutable and safe to share across threads.
/// </summary>
public interface IChainNode
{
    /// <summary>Adds literal segments (<c>"v3/profitsharing/return-orders/{out_return_no}"</c>), with no case change.</summary>
    /// <param name="segments">One or more segments separated by <c>/</c>; <c>{name}</c> is a placeholder.</param>
    IChainNode Chain(string segments);

    /// <summary>Adds literal segments, like <see cref="Chain"/>.</summary>
    /// <param name="segments">One or more segments separated by <c>/</c>; <c>{name}</c> is a placeholder.</param>
    IChainNode this[string segments] { get; }

    /// <summary>The path as written, placeholders in braces (<c>v3/profitsharing/return-orders/{out_return_no}</c>).</summary>
    string Path { get; }

    /// <summary>Sends GET.</summary>
    /// <param name="options">An anonymous object or <c>IDictionary&lt;string, object?&gt;</c>: <c>query</c>, <c>headers</c>, <c>base_uri</c>, placeholder values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">An option is unknown or malformed, or a placeholder has no value; nothing was sent.</exception>
    /// <exception cref="WeChatPayApiException">The platform answered with a non-2xx status.</exception>
    /// <exception cref="ResponseVerificationException">The response failed verification.</exception>
    Task<WeChatPayResponse> GetAsync(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends POST.</summary>
    /// <param name="options">An anonymous object or <c>IDictionary&lt;string, object?&gt;</c>: <c>json</c>, <c>query</c>, <c>headers</c>, <c>body</c>, <c>base_uri</c>, placeholder values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    Task<WeChatPayResponse> PostAsync(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends PUT.</summary>
    /// <inheritdoc cref="PostAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    Task<WeChatPayResponse> PutAsync(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends PATCH.</summary>
    /// <inheritdoc cref="PostAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    Task<WeChatPayResponse> PatchAsync(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends DELETE.</summary>
    /// <inheritdoc cref="PostAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    Task<WeChatPayResponse> DeleteAsync(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends GET and waits for the response.</summary>
    /// <inheritdoc cref="GetAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    WeChatPayResponse Get(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends POST and waits for the response.</summary>
    /// <inheritdoc cref="PostAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    WeChatPayResponse Post(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends PUT and waits for the response.</summary>
    /// <inheritdoc cref="PostAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    WeChatPayResponse Put(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends PATCH and waits for the response.</summary>
    /// <inheritdoc cref="PostAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    WeChatPayResponse Patch(object? options = null, CancellationToken cancellationToken = default);

    /// <summary>Sends DELETE and waits for the response.</summary>
    /// <inheritdoc cref="PostAsync" path="/param"/>
    /// <inheritdoc cref="GetAsync" path="/exception"/>
    WeChatPayResponse Delete(object? options = null, CancellationToken cancellationToken = default);
}
