namespace WeChatPay.Chain.Testing;

/// <summary>Faults waiting for the requests they match; each is used for a number of requests, then gone.</summary>
public sealed class FaultInjector
{
    private readonly List<Pending> _pending = [];

    /// <summary>How long <see cref="Fault.SlowAnswer"/> waits before answering; 5 s by default.</summary>
    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="times"/> requests that match <paramref name="when"/> (all, when not given).</summary>
    /// <param name="fault">What goes wrong.</param>
    /// <param name="times">For how many matching requests.</param>
    /// <param name="when">Which requests; every request when <see langword="null"/>.</param>
    public void Inject(Fault fault, int times = 1, Func<PlatformRequest, bool>? when = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_pending)
        {
            _pending.Add(new Pending(fault, times, when));
        }
    }

    /// <summary>Drops every fault not yet used.</summary>
    public void Clear()
    {
        lock (_pending)
        {
            _pending.Clear();
        }
    }

    internal Fault? Take(PlatformRequest request)
    {
        lock (_pending)
        {
            var pending = _pending.Find(p => p.When?.Invoke(request) ?? true);
            if (pending is null)
            {
                return null;
            }

            if (--pending.Times == 0)
            {
                _pending.Remove(pending);
            }

            return pending.Fault;
        }
    }

    private sealed class Pending(Fault fault, int times, Func<PlatformRequest, bool>? when)
    {
        public Fault Fault { get; } = fault;

        public int Times { get; set; } = times;

        public Func<PlatformRequest, bool>? When { get; } = when;
    }
}
