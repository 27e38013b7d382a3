using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace WeChatPay.Chain.Testing;

/// <summary>
/// The profit-sharing return APIs, e-commerce (<c>/v3/ecommerce/profitsharing/returnorders</c>) and direct
/// (<c>/v3/profitsharing/return-orders</c>), over one ledger: fields validated as the seed documents say, the same
/// <c>out_return_no</c> again is the same request, and results move from <c>PROCESSING</c> when queried.
/// </summary>
internal sealed partial class ReturnOrders(ProfitSharingLedger ledger, TimeProvider time)
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
    private readonly Dictionary<string, Return> _returns = new(StringComparer.Ordinal);

    public JObject Create(JObject body, bool ecommerce)
    {
        var subMchid = ecommerce ? Required(body, "sub_mchid", 32) : Optional(body, "sub_mchid", 32);
        var (orderId, outOrderNo) = OneOf(body, "order_id", "out_order_no", 64);
        var amount = body["amount"] is { Type: JTokenType.Integer } a ? a.Value<long>() : throw PlatformError.Param("amount 必须是整数，单位为分 (an integer number of fen)", "amount");
        var input = new ReturnInput(subMchid, orderId, outOrderNo, Required(body, "out_return_no", 64), Required(body, "return_mchid", 32), amount, Required(body, "description", 80));
        return Render(Register(input), ecommerce);
    }

    /// <summary>
    /// The APIv2 return (<c>/secapi/pay/profitsharingreturn</c>): the same rules and ledger as APIv3, its fields as
    /// APIv2 names them; errors come back as <c>err_code</c>.
    /// </summary>
    public Dictionary<string, string> CreateV2(IReadOnlyDictionary<string, string> fields)
    {
        string? Field(string name, int max) => fields.GetValueOrDefault(name) is { Length: > 0 } value
            ? value.Length <= max ? value : throw PlatformError.Param($"{name} 长度不能超过 {max} (at most {max} characters)", name)
            : null;
        string Need(string name, int max) => Field(name, max) ?? throw PlatformError.Param($"{name} 为必填字段 (required)", name);

        Need("appid", 32); // as the platform answers a request without it: PARAM_ERROR, appid missing
        var (orderId, outOrderNo) = (Field("order_id", 64), Field("out_order_no", 64));
        if ((orderId is null) == (outOrderNo is null))
        {
            throw PlatformError.Param("order_id 与 out_order_no 必须二选一填写 (give exactly one of them)", "order_id");
        }

        if (Need("return_account_type", 32) != "MERCHANT_ID")
        {
            throw PlatformError.Param("return_account_type 只支持 MERCHANT_ID", "return_account_type");
        }

        var amount = long.TryParse(Need("return_amount", 16), NumberStyles.None, CultureInfo.InvariantCulture, out var fen) ? fen : throw PlatformError.Param("return_amount 必须是整数，单位为分 (an integer number of fen)", "return_amount");
        var created = Register(new ReturnInput(Field("sub_mch_id", 32), orderId, outOrderNo, Need("out_return_no", 64), Need("return_account", 32), amount, Need("description", 80)));
        var answer = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["order_id"] = created.Order.OrderId,
            ["out_order_no"] = created.Order.OutOrderNo,
            ["out_return_no"] = created.OutReturnNo,
            ["return_no"] = created.ReturnId,
            ["return_account_type"] = "MERCHANT_ID",
            ["return_account"] = created.ReturnMchid,
            ["return_amount"] = created.Amount.ToString(CultureInfo.InvariantCulture),
            ["description"] = created.Description,
            ["result"] = created.Result,
        };
        if (created.FailReason is not null)
        {
            answer["fail_reason"] = created.FailReason;
        }

        if (created.Finished is { } finished)
        {
            answer["finish_time"] = finished.ToOffset(ChinaStandardTime).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        }

        return answer;
    }

    private Return Register(ReturnInput input)
    {
        if (!ReturnNumber().IsMatch(input.OutReturnNo))
        {
            throw PlatformError.Param("out_return_no 只能是数字、大小写字母_-|*@ (digits, letters and _-|*@ only)", "out_return_no");
        }

        if (input.Amount <= 0)
        {
            throw PlatformError.Param("amount 必须大于0 (must be more than 0)", "amount");
        }

        Authorize(input.SubMchid);
        lock (ledger.Sync)
        {
            var order = ledger.Find(input.OrderId, input.OutOrderNo, input.SubMchid) ?? throw PlatformError.NotFound("分账单不存在 (no such profit-sharing order)");
            if (_returns.TryGetValue(input.OutReturnNo, out var existing))
            {
                return existing.Order == order && existing.ReturnMchid == input.ReturnMchid && existing.Amount == input.Amount
                    ? existing
                    : throw PlatformError.Invalid("商户回退单号重复，但请求参数与原请求不一致 (the same out_return_no with other parameters)");
            }

            if (!order.Returnable.TryGetValue(input.ReturnMchid, out var returnable))
            {
                throw PlatformError.Invalid("分账接收方非法: return_mchid 不是该分账单的接收方 (not a receiver of this order)");
            }

            if (input.Amount > returnable)
            {
                throw PlatformError.Invalid($"回退金额超限: 最多可回退 {returnable} 分 (at most {returnable} fen can be returned)");
            }

            order.Returnable[input.ReturnMchid] = returnable - input.Amount;
            var created = new Return(order, input.SubMchid, input.OutReturnNo, Digits(), input.ReturnMchid, input.Amount, input.Description, time.GetUtcNow());
            _returns.Add(input.OutReturnNo, created);
            return created;
        }
    }

    public JObject Query(string outReturnNo, string? subMchid, string? orderId, string? outOrderNo, bool ecommerce)
    {
        Authorize(subMchid);
        lock (ledger.Sync)
        {
            if (!_returns.TryGetValue(outReturnNo, out var found)
                || (orderId is not null && found.Order.OrderId != orderId)
                || (outOrderNo is not null && found.Order.OutOrderNo != outOrderNo)
                || (subMchid is not null && found.Order.SubMchid != subMchid))
            {
                throw PlatformError.NotFound("回退单不存在 (no such return order)");
            }

            Settle(found);
            return Render(found, ecommerce);
        }
    }

    /// <summary>A query moves a processing return on: failed for an abnormal receiver, closed after 5 days if held, else done.</summary>
    private void Settle(Return item)
    {
        if (item.Result != "PROCESSING")
        {
            return;
        }

        var now = time.GetUtcNow();
        if (ledger.IsAbnormal(item.ReturnMchid))
        {
            Finish(item, "FAIL", "ACCOUNT_ABNORMAL", now);
        }
        else if (!ledger.IsHeld(item.ReturnMchid))
        {
            Finish(item, "SUCCESS", null, now);
        }
        else if (now - item.Created > TimeSpan.FromDays(5))
        {
            Finish(item, "FAIL", "TIME_OUT_CLOSED", now);
        }
    }

    private static void Finish(Return item, string result, string? failReason, DateTimeOffset now)
    {
        item.Result = result;
        item.FailReason = failReason;
        item.Finished = now;
        if (result == "FAIL")
        {
            item.Order.Returnable[item.ReturnMchid] += item.Amount;
        }
    }

    private void Authorize(string? subMchid)
    {
        if (subMchid is not null && !ledger.AuthorizedSubMerchants.Contains(subMchid))
        {
            throw new PlatformError(403, "NO_AUTH", $"未开通分账权限: 子商户 {subMchid} (sub-merchant has no profit-sharing permission)");
        }
    }

    private static JObject Render(Return item, bool ecommerce)
    {
        var json = new JObject();
        if (item.SubMchid is not null)
        {
            json["sub_mchid"] = item.SubMchid;
        }

        json["order_id"] = item.Order.OrderId;
        json["out_order_no"] = item.Order.OutOrderNo;
        json["out_return_no"] = item.OutReturnNo;
        json[ecommerce ? "return_no" : "return_id"] = item.ReturnId;
        json["return_mchid"] = item.ReturnMchid;
        json["amount"] = item.Amount;
        if (!ecommerce)
        {
            json["description"] = item.Description;
        }

        json["result"] = item.Result;
        if (item.FailReason is not null)
        {
            json["fail_reason"] = item.FailReason;
        }

        if (!ecommerce)
        {
            json["create_time"] = Rfc3339(item.Created);
        }

        if (item.Finished is { } finished)
        {
            json["finish_time"] = Rfc3339(finished);
        }

        return json;
    }

    internal static string Rfc3339(DateTimeOffset at) =>
        at.ToOffset(ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    internal static string Required(JObject body, string name, int max) =>
        Optional(body, name, max) ?? throw PlatformError.Param($"{name} 为必填字段 (required)", name);

    internal static string? Optional(JObject body, string name, int max)
    {
        var token = body[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type != JTokenType.String)
        {
            throw PlatformError.Param($"{name} 必须是字符串 (must be a string)", name);
        }

        var text = token.Value<string>()!;
        return text.Length == 0 ? null
            : text.Length > max ? throw PlatformError.Param($"{name} 长度不能超过 {max} (at most {max} characters)", name)
            : text;
    }

    internal static (string? First, string? Second) OneOf(JObject body, string first, string second, int max)
    {
        var (a, b) = (Optional(body, first, max), Optional(body, second, max));
        return (a is null) == (b is null)
            ? throw PlatformError.Param($"{first} 与 {second} 必须二选一填写 (give exactly one of them)", first)
            : (a, b);
    }

    private static string Digits() => string.Concat(Enumerable.Range(0, 28).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));

    [GeneratedRegex("^[0-9A-Za-z_\\-|*@]+$")]
    private static partial Regex ReturnNumber();

    private sealed record ReturnInput(string? SubMchid, string? OrderId, string? OutOrderNo, string OutReturnNo, string ReturnMchid, long Amount, string Description);

    private sealed class Return(ProfitSharingLedger.Order order, string? subMchid, string outReturnNo, string returnId, string returnMchid, long amount, string description, DateTimeOffset created)
    {
        public ProfitSharingLedger.Order Order { get; } = order;

        public string? SubMchid { get; } = subMchid;

        public string OutReturnNo { get; } = outReturnNo;

        public string ReturnId { get; } = returnId;

        public string ReturnMchid { get; } = returnMchid;

        public long Amount { get; } = amount;

        public string Description { get; } = description;

        public DateTimeOffset Created { get; } = created;

        public string Result { get; set; } = "PROCESSING";

        public string? FailReason { get; set; }

        public DateTimeOffset? Finished { get; set; }
    }
}
