namespace WeChatPay.Chain.Testing;

/// <summary>
/// The profit-sharing orders the fake platform knows, what each receiver was given, and how returns to a receiver
/// end. It starts with the seed documents' order: <c>3008450740201411110007820472</c> / <c>P20150806125346</c> of
/// sub-merchant <c>1900000109</c>, which shared 100 fen to receiver <c>86693852</c>.
/// </summary>
public sealed class ProfitSharingLedger
{
    private readonly List<Order> _orders = [];
    private readonly HashSet<string> _abnormal = new(StringComparer.Ordinal);
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Type, string? Name)> _receivers = new(StringComparer.Ordinal);

    internal ProfitSharingLedger()
    {
        AddOrder("3008450740201411110007820472", "P20150806125346", "1900000109", new Dictionary<string, long> { ["86693852"] = 100 });
    }

    /// <summary>The sub-merchants with profit sharing enabled; a call for any other answers 403 <c>NO_AUTH</c>.</summary>
    public ISet<string> AuthorizedSubMerchants { get; } = new HashSet<string>(StringComparer.Ordinal) { "1900000109" };

    internal object Sync { get; } = new();

    /// <summary>Adds a finished profit-sharing order that returns can be made against.</summary>
    /// <param name="orderId">WeChat's profit-sharing order id (微信分账单号).</param>
    /// <param name="outOrderNo">The merchant's profit-sharing order number (商户分账单号).</param>
    /// <param name="subMchid">The sub-merchant that paid out, or <see langword="null"/> for a direct merchant.</param>
    /// <param name="shared">What each receiver (by merchant id) was given, in fen.</param>
    public void AddOrder(string orderId, string outOrderNo, string? subMchid, IReadOnlyDictionary<string, long> shared)
    {
        lock (Sync)
        {
            _orders.Add(new Order(orderId, outOrderNo, subMchid, new Dictionary<string, long>(shared)));
        }
    }

    /// <summary>Returns from this receiver end <c>FAIL</c> with <c>ACCOUNT_ABNORMAL</c>.</summary>
    /// <param name="receiver">The receiver's merchant id.</param>
    public void MarkAbnormal(string receiver)
    {
        lock (Sync)
        {
            _abnormal.Add(receiver);
        }
    }

    /// <summary>Returns from this receiver stay <c>PROCESSING</c>, until they close as <c>TIME_OUT_CLOSED</c> after 5 days.</summary>
    /// <param name="receiver">The receiver's merchant id.</param>
    public void HoldProcessing(string receiver)
    {
        lock (Sync)
        {
            _held.Add(receiver);
        }
    }

    /// <summary>The receivers added through <c>/v3/profitsharing/receivers/add</c>: type and decrypted name, by account.</summary>
    public IReadOnlyDictionary<string, (string Type, string? Name)> Receivers
    {
        get
        {
            lock (Sync)
            {
                return new Dictionary<string, (string Type, string? Name)>(_receivers);
            }
        }
    }

    internal void AddReceiver(string account, string type, string? name)
    {
        lock (Sync)
        {
            _receivers[account] = (type, name);
        }
    }

    internal Order? Find(string? orderId, string? outOrderNo, string? subMchid) =>
        _orders.Find(o => (orderId is null || o.OrderId == orderId) && (outOrderNo is null || o.OutOrderNo == outOrderNo) && (subMchid is null || o.SubMchid == subMchid));

    internal bool IsAbnormal(string receiver) => _abnormal.Contains(receiver);

    internal bool IsHeld(string receiver) => _held.Contains(receiver);

    internal sealed record Order(string OrderId, string OutOrderNo, string? SubMchid, Dictionary<string, long> Returnable);
}
