namespace WeChatPay.Chain.Tests.Support;

/// <summary>A clock that reads what the test sets.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public FixedTime()
        : this(Default)
    {
    }

    public DateTimeOffset Now { get; set; } = now;

    public long UnixSeconds => Now.ToUnixTimeSeconds();

    public override DateTimeOffset GetUtcNow() => Now;
}
