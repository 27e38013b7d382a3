using System.Globalization;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// The payments <c>/pay/orderquery</c> knows. It starts with one: transaction <c>4208450740201411110007820472</c>,
/// <c>out_trade_no</c> <c>20150806125346</c>, 1 fen, paid.
/// </summary>
public sealed class Trades
{
    private readonly List<Trade> _trades = [];

    internal Trades(TimeProvider time)
    {
        Add("4208450740201411110007820472", "20150806125346", 1, "SUCCESS", time.GetUtcNow());
    }

    /// <summary>Adds a payment.</summary>
    /// <param name="transactionId">WeChat's transaction id.</param>
    /// <param name="outTradeNo">The merchant's order number.</param>
    /// <param name="totalFee">The amount, in fen.</param>
    /// <param name="tradeState"><c>SUCCESS</c>, <c>NOTPAY</c>, <c>CLOSED</c>, <c>REFUND</c>, …</param>
    /// <param name="paid">When it was paid.</param>
    public void Add(string transactionId, string outTradeNo, long totalFee, string tradeState, DateTimeOffset paid)
    {
        lock (_trades)
        {
            _trades.Add(new Trade(transactionId, outTradeNo, totalFee, tradeState, paid));
        }
    }

    internal Dictionary<string, string> Query(IReadOnlyDictionary<string, string> fields)
    {
        var (transactionId, outTradeNo) = (fields.GetValueOrDefault("transaction_id"), fields.GetValueOrDefault("out_trade_no"));
        if (string.IsNullOrEmpty(transactionId) && string.IsNullOrEmpty(outTradeNo))
        {
            throw PlatformError.Param("transaction_id 与 out_trade_no 至少填写一个 (give one of them)", "out_trade_no");
        }

        Trade? trade;
        lock (_trades)
        {
            trade = _trades.Find(t => (string.IsNullOrEmpty(transactionId) || t.TransactionId == transactionId) && (string.IsNullOrEmpty(outTradeNo) || t.OutTradeNo == outTradeNo));
        }

        if (trade is null)
        {
            throw new PlatformError(200, "ORDERNOTEXIST", "此交易订单号不存在");
        }

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["appid"] = fields.GetValueOrDefault("appid") ?? string.Empty,
            ["openid"] = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
            ["trade_type"] = "JSAPI",
            ["trade_state"] = trade.TradeState,
            ["bank_type"] = "CMC",
            ["total_fee"] = trade.TotalFee.ToString(CultureInfo.InvariantCulture),
            ["cash_fee"] = trade.TotalFee.ToString(CultureInfo.InvariantCulture),
            ["fee_type"] = "CNY",
            ["transaction_id"] = trade.TransactionId,
            ["out_trade_no"] = trade.OutTradeNo,
            ["time_end"] = trade.Paid.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            ["trade_state_desc"] = trade.TradeState == "SUCCESS" ? "支付成功" : trade.TradeState,
        };
    }

    private sealed record Trade(string TransactionId, string OutTradeNo, long TotalFee, string TradeState, DateTimeOffset Paid);
}
