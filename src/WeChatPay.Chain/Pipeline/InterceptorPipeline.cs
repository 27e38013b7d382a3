using System.Collections;
using Flurl.Http;

namespace WeChatPay.Chain.Pipeline;

/// <summary>
/// The named steps every call passes through, listed in the order they see the request; they see the response in the
/// reverse order, like nested middleware. The built-in steps are <c>signer</c> (signs the request as it goes on the
/// wire) and <c>verifier</c> (checks the response signature). Configure it in <see cref="BuilderOptions.Pipeline"/>;
/// it is fixed once the first node is built.
/// </summary>
public sealed class InterceptorPipeline : IEnumerable<IInterceptor>
{
    private readonly List<IInterceptor> _steps = [];

    internal InterceptorPipeline(string api, params IInterceptor[] steps)
    {
        Api = api;
        foreach (var step in steps)
        {
            AddInside(_steps.Count, step);
        }
    }

    /// <summary>
    /// Which protocol this pipeline serves, <c>APIv3</c> or <c>APIv2</c>: <see cref="BuilderOptions.Pipeline"/> is run
    /// once for each, and can tell them apart by this.
    /// </summary>
    public string Api { get; }

    /// <summary>The step names in request order.</summary>
    public IReadOnlyList<string> Names => _steps.ConvertAll(s => s.Name);

    /// <summary>Adds <paramref name="interceptor"/> outermost: it sees the request first (before it is signed) and the response last (after it is verified).</summary>
    /// <param name="interceptor">The step to add.</param>
    public void Add(IInterceptor interceptor) => AddInside(0, interceptor);

    /// <summary>Adds <paramref name="interceptor"/> just outside step <paramref name="name"/>: it sees the request right before that step does, and the response right after.</summary>
    /// <param name="name">An existing step.</param>
    /// <param name="interceptor">The step to add.</param>
    public void AddBefore(string name, IInterceptor interceptor) => AddInside(IndexOf(name), interceptor);

    /// <summary>Adds <paramref name="interceptor"/> just inside step <paramref name="name"/>: it sees the request right after that step does, and the response right before.</summary>
    /// <param name="name">An existing step.</param>
    /// <param name="interceptor">The step to add.</param>
    public void AddAfter(string name, IInterceptor interceptor) => AddInside(IndexOf(name) + 1, interceptor);

    /// <summary>Puts <paramref name="interceptor"/> in the place of step <paramref name="name"/>.</summary>
    /// <param name="name">An existing step.</param>
    /// <param name="interceptor">Its replacement, which may have another name.</param>
    public void Replace(string name, IInterceptor interceptor)
    {
        var at = IndexOf(name);
        _steps.RemoveAt(at);
        AddInside(at, interceptor);
    }

    /// <summary>Removes step <paramref name="name"/>. Removing <c>verifier</c> accepts unverified responses: do it only when something else verifies them.</summary>
    /// <param name="name">An existing step.</param>
    public void Remove(string name) => _steps.RemoveAt(IndexOf(name));

    /// <inheritdoc />
    public IEnumerator<IInterceptor> GetEnumerator() => _steps.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal async Task BeforeCallAsync(FlurlCall call)
    {
        foreach (var step in _steps)
        {
            await step.BeforeCallAsync(call).ConfigureAwait(false);
        }
    }

    internal async Task AfterCallAsync(FlurlCall call)
    {
        for (var i = _steps.Count - 1; i >= 0; i--)
        {
            await _steps[i].AfterCallAsync(call).ConfigureAwait(false);
        }
    }

    private int IndexOf(string name)
    {
        var at = _steps.FindIndex(s => s.Name == name);
        return at >= 0
            ? at
            : throw new ArgumentException($"The pipeline has no step \"{name}\"; it has {string.Join(", ", Names)}.", nameof(name));
    }

    private void AddInside(int index, IInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        if (string.IsNullOrEmpty(interceptor.Name))
        {
            throw new ArgumentException("An interceptor needs a name.", nameof(interceptor));
        }

        if (_steps.Exists(s => s.Name == interceptor.Name))
        {
            throw new ArgumentException($"The pipeline already has a step \"{interceptor.Name}\".", nameof(interceptor));
        }

        _steps.Insert(index, interceptor);
    }
}
