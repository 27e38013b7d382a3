namespace WeChatPay.Chain;

/// <summary>
/// An APIv2 call failed: <c>return_code</c> is not SUCCESS (the request itself was refused: <c>return_msg</c> says
/// why, e.g. 签名错误), or <c>result_code</c> is not SUCCESS (the business failed: <c>err_code</c>,
/// <c>err_code_des</c>).
/// </summary>
public sealed class WeChatPayResultException : WeChatPayException
{
    private WeChatPayResultException(string message, WeChatPayResponse response, IReadOnlyDictionary<string, string> fields)
        : base(message, response)
    {
        ReturnCode = fields.GetValueOrDefault("return_code");
        ReturnMsg = fields.GetValueOrDefault("return_msg");
        ResultCode = fields.GetValueOrDefault("result_code");
        ErrCode = fields.GetValueOrDefault("err_code");
        ErrCodeDes = fields.GetValueOrDefault("err_code_des");
    }

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

    internal static WeChatPayResultException From(WeChatPayResponse response, IReadOnlyDictionary<string, string> fields)
    {
        var what = fields.GetValueOrDefault("return_code") != "SUCCESS"
            ? $"return_code {fields.GetValueOrDefault("return_code") ?? "(none)"}: {fields.GetValueOrDefault("return_msg")}"
            : $"result_code {fields.GetValueOrDefault("result_code")}: {fields.GetValueOrDefault("err_code")} {fields.GetValueOrDefault("err_code_des")}";
        return new WeChatPayResultException($"{response.Method} {response.RequestUri.AbsolutePath} failed with {what}.", response, fields);
    }
}
