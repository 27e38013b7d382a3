namespace WeChatPay.Chain;

/// <summary>Where a request field of an <see cref="ApiOperation"/> goes.</summary>
public enum ApiFieldLocation
{
    /// <summary>A field of the body: a JSON property (APIv3) or an XML element (APIv2). Also every response field.</summary>
    Body,

    /// <summary>A <c>{placeholder}</c> of the path.</summary>
    Path,

    /// <summary>A query string parameter.</summary>
    Query,

    /// <summary>A request header (<c>Wechatpay-Serial</c>, <c>Idempotency-Key</c>).</summary>
    Header,

    /// <summary>A part of a <c>multipart/form-data</c> upload (<c>file</c>, <c>meta</c>).</summary>
    FormData,
}
