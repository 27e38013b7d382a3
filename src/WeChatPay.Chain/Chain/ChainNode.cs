using System.Collections.Concurrent;
using System.Dynamic;

namespace WeChatPay.Chain;

/// <summary>
/// One node of the URL chain. On a <c>dynamic</c> node, member access adds a normalised segment
/// (<c>wx.V3.Profitsharing.ReturnOrders</c> → <c>v3/profitsharing/return-orders</c>), <see cref="Chain"/> and the
/// indexer add literal segments, and the verbs send. Invoking a node (<c>wx.V3.Foo(options)</c>) POSTs, asynchronously.
/// Invoked, the verbs as PHP and Node spell them are verbs too, never segments: <c>post(options)</c> is <c>Post</c>,
/// <c>postAsync(options)</c> is <c>PostAsync</c> (<see cref="Verb"/>).
/// Nodes are immutable; the ones reached by member access are cached, so a chain written in code costs nothing to reuse.
/// </summary>
public sealed class ChainNode : DynamicObject, IChainNode
{
    private static readonly HashSet<string> RuntimeMembers = new(StringComparer.Ordinal)
    {
        "GetAwaiter", "ConfigureAwait", "ToString", "Equals", "GetHashCode", "GetType", "Dump", "ToDump",
    };

    private readonly Client _client;
    private readonly PathTemplate _path;
    private readonly ConcurrentDictionary<string, ChainNode> _members = new(StringComparer.Ordinal);

    internal ChainNode(Client client, PathTemplate path)
    {
        _client = client;
        _path = path;
    }

    /// <inheritdoc />
    string IChainNode.Path => _path.Text;

    /// <summary>What this node's instance shares; internal, so it is never a segment.</summary>
    internal Client Client => _client;

    /// <summary>This node's path; internal, so it is never a segment.</summary>
    internal PathTemplate Template => _path;

    /// <inheritdoc />
    public IChainNode this[string segments] => Chain(segments);

    /// <inheritdoc />
    public IChainNode Chain(string segments) => new ChainNode(_client, _path.Append(Segment.FromLiteral(segments, nameof(segments))));

    /// <inheritdoc />
    public Task<WeChatPayResponse> GetAsync(object? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, options, cancellationToken);

    /// <inheritdoc />
    public Task<WeChatPayResponse> PostAsync(object? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, options, cancellationToken);

    /// <inheritdoc />
    public Task<WeChatPayResponse> PutAsync(object? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, options, cancellationToken);

    /// <inheritdoc />
    public Task<WeChatPayResponse> PatchAsync(object? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Patch, options, cancellationToken);

    /// <inheritdoc />
    public Task<WeChatPayResponse> DeleteAsync(object? options = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, options, cancellationToken);

    /// <inheritdoc />
    public WeChatPayResponse Get(object? options = null, CancellationToken cancellationToken = default) =>
        Wait(GetAsync(options, cancellationToken));

    /// <inheritdoc />
    public WeChatPayResponse Post(object? options = null, CancellationToken cancellationToken = default) =>
        Wait(PostAsync(options, cancellationToken));

    /// <inheritdoc />
    public WeChatPayResponse Put(object? options = null, CancellationToken cancellationToken = default) =>
        Wait(PutAsync(options, cancellationToken));

    /// <inheritdoc />
    public WeChatPayResponse Patch(object? options = null, CancellationToken cancellationToken = default) =>
        Wait(PatchAsync(options, cancellationToken));

    /// <inheritdoc />
    public WeChatPayResponse Delete(object? options = null, CancellationToken cancellationToken = default) =>
        Wait(DeleteAsync(options, cancellationToken));

    /// <summary>The path as written, placeholders in braces.</summary>
    public override string ToString() => _path.Text;

    /// <summary>What LINQPad shows for this node: its path.</summary>
    public object ToDump() => new { Path = _path.Text };

    /// <inheritdoc />
    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        result = RuntimeMembers.Contains(binder.Name) ? null : Member(binder.Name);
        return result is not null;
    }

    /// <inheritdoc />
    public override bool TryInvokeMember(InvokeMemberBinder binder, object?[]? args, out object? result)
    {
        if (RuntimeMembers.Contains(binder.Name))
        {
            throw new InvalidOperationException(binder.Name is "GetAwaiter" or "ConfigureAwait"
                ? $"A chain node is not awaitable: call a verb, e.g. await wx.{Describe()}.GetAsync(…) or .PostAsync(…)."
                : $"{binder.Name} does not bind on a dynamic chain node; cast it first: ((object)node).{binder.Name}().");
        }

        if (Verb.Named(binder.Name) is { } verb)
        {
            // Ported code's post(…), postAsync(…), and a PascalCase verb whose arguments did not bind: always a verb.
            var (options, token) = Verb.Arguments(args ?? [], binder.CallInfo, $"{verb.Name} on {(_path.Text.Length == 0 ? "the root node" : Excerpt.Of(_path.Text))} sends {verb.Method} and");
            var sent = SendAsync(verb.Method, options, token);
            result = verb.IsAsync ? sent : Wait(sent);
            return true;
        }

        result = Member(binder.Name).Shortland(args ?? [], binder.CallInfo);
        return true;
    }

    /// <inheritdoc />
    public override bool TryInvoke(InvokeBinder binder, object?[]? args, out object? result)
    {
        result = Shortland(args ?? [], binder.CallInfo);
        return true;
    }

    private ChainNode Member(string name) =>
        _members.GetOrAdd(name, static (n, self) => new ChainNode(self._client, self._path.Append([Segment.FromMember(n)])), this);

    /// <summary>Invoking a node is a POST, as the Node SDK's shortland: <c>(options)</c> or <c>(options, cancellationToken)</c>.</summary>
    private Task<WeChatPayResponse> Shortland(object?[] args, CallInfo info)
    {
        var (options, token) = Verb.Arguments(args, info, $"Invoking {Describe()} POSTs it and");
        return PostAsync(options, token);
    }

    private Task<WeChatPayResponse> SendAsync(HttpMethod method, object? options, CancellationToken cancellationToken) =>
        _client.SendAsync(method, _path, options, cancellationToken);

    private string Describe() => _path.Text.Length == 0 ? "V3.Foo" : $"Chain(\"{_path.Text}\")";

    private static WeChatPayResponse Wait(Task<WeChatPayResponse> task) => task.GetAwaiter().GetResult();
}
