namespace WeChatPay.Chain;

/// <summary>The base of every error a call raises once a response is in.</summary>
public abstract class WeChatPayException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response it concerns.</param>
    protected WeChatPayException(string message, WeChatPayResponse response)
        : base(message)
    {
        Response = response;
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response it concerns.</param>
    /// <param name="inner">The cause.</param>
    protected WeChatPayException(string message, WeChatPayResponse response, Exception inner)
        : base(message, inner)
    {
        Response = response;
    }

    /// <summary>The response the error concerns.</summary>
    public WeChatPayResponse Response { get; }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode => Response.StatusCode;

    /// <summary>The platform's <c>Request-ID</c>, to quote in support tickets.</summary>
    public string? RequestId => Response.RequestId;
}
