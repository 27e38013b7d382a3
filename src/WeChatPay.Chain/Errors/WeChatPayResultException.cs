namespace WeChatPay.Chain;

/// <summary>
/// An APIv2 call failed: <c>return_code</c> is not SUCCESS (the request itself was refused: <c>return_msg</c> says
/// why, e.g. 签名错误), or <c>result_code</c> is not SUCCESS (the business failed: <c>err_code</c>,
/// <c>err_code_des</c>). A failure answer that carries a <c>sign</c> is verified first (<see cref="IsVerified"/>); one
/// without (refusals never carry one) is raised unverified.
/// </summary>
public sealed class WeChatPayResultException : WeChatPayException
{
    private WeChatPayResultException(string message, WeChatPayResponse response, IReadOnlyDictionary<string, string> fields, bool verified)
        : base(message, response)
    {
        IsVerified = verified;
        ReturnCode = fields.GetValueOrDefault("return_code");
        ReturnMsg = fields.GetValueOrDefault("return_msg");
        ResultCode = fields.GetValueOrDefault("result_code");
        ErrCode = fields.GetValueOrDefault("err_code");
        ErrCodeDes = fields.GetValueOrDefault("err_code_des");
    }

    /// <summary>
    /// Whether the answer's <c>sign</c> was verified with the APIv2 key: <see langword="false"/> when it carried none,
    /// so anyone on the path could have written it; do not act on <see cref="ErrCode"/> as the platform's then.
    /// </summary>
    public bool IsVerified { get; }

    /// <summary><c>return_code</c>: SUCCESS or FAIL.</summary>
    public string? ReturnCode { get; }

    /// <summary><c>return_msg</c>: why the request was refused.</summary>
    public string? ReturnMsg { get; }

    /// <summary><c>result_code</c>: SUCCESS or FAIL, when the request was taken.</summary>
    public string? ResultCode { get; }

    /// <summary><c>err_code</c>: the business error (<c>PARAM_ERROR</c>, <c>ORDERNOTEXIST</c>, …).</summary>
    public string? ErrCode { get; }

    /// <summary><c>err_code_des</c>: its description.</summary>
    public string? ErrCodeDes { get; }

    /// <summary>The answer.</summary>
    public override WeChatPayResponse Response => base.Response!;

    internal static WeChatPayResultException From(WeChatPayResponse response, IReadOnlyDictionary<string, string> fields, bool verified)
    {
        string Field(string name, int max = Excerpt.TokenLength) => Excerpt.Of(fields.GetValueOrDefault(name), max);
        var what = fields.GetValueOrDefault("return_code") != "SUCCESS"
            ? $"return_code {(fields.ContainsKey("return_code") ? Field("return_code") : "(none)")}: {Field("return_msg", Excerpt.MessageLength)}"
            : $"result_code {Field("result_code")}: {Field("err_code")} {Field("err_code_des", Excerpt.MessageLength)}";
        var trust = verified ? string.Empty : " Unverified: the answer carries no sign, so do not act on it as the platform's.";
        return new WeChatPayResultException($"{response.Method} {response.RequestUri.AbsolutePath} failed with {what}.{trust}", response, fields, verified);
    }
}
