namespace WeChatPay.Chain;

/// <summary>
/// The base of every error a call raises once it has started: the platform's answer was refused or reported a
/// failure (<see cref="Response"/> is set), or no answer came at all (<see cref="WeChatPayTransportException"/>).
/// Mistakes in the call itself are <see cref="ArgumentException"/>s, raised before anything is sent.
/// </summary>
public abstract class WeChatPayException : Exception
{
    /// <summary>Creates the exception for an answer.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response it concerns.</param>
    protected WeChatPayException(string message, WeChatPayResponse response)
        : this(message, response, null)
    {
    }

    /// <summary>Creates the exception for an answer, with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="response">The response it concerns.</param>
    /// <param name="inner">The cause.</param>
    protected WeChatPayException(string message, WeChatPayResponse response, Exception? inner)
        : base(message, inner)
    {
        ArgumentNullException.ThrowIfNull(response);
        Response = response;
        Method = response.Method;
        RequestUri = response.RequestUri;
    }

    /// <summary>Creates the exception for a call that got no answer.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="method">The request's method.</param>
    /// <param name="requestUri">The request's URI.</param>
    /// <param name="inner">The cause.</param>
    protected WeChatPayException(string message, HttpMethod method, Uri requestUri, Exception? inner)
        : base(message, inner)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        RequestUri = requestUri ?? throw new ArgumentNullException(nameof(requestUri));
    }

    /// <summary>The method of the request the error concerns.</summary>
    public HttpMethod Method { get; }

    /// <summary>The request's URI as sent (or as it would have been sent).</summary>
    public Uri RequestUri { get; }

    /// <summary>The response the error concerns; <see langword="null"/> when no answer came.</summary>
    public virtual WeChatPayResponse? Response { get; }

    /// <summary>The HTTP status code; <see langword="null"/> when no answer came.</summary>
    public int? StatusCode => Response?.StatusCode;

    /// <summary>The platform's <c>Request-ID</c>, to quote in support tickets; <see langword="null"/> when there is none.</summary>
    public string? RequestId => Response?.RequestId;

    /// <summary>
    /// What LINQPad's <c>Dump()</c> shows (it calls <c>ToDump</c> by name): the kind of error, its message, the
    /// request, status and Request-ID, whether the answer was verified, the platform's code, and the answer's data.
    /// </summary>
    /// <returns>A plain object for display.</returns>
    public object ToDump() => new
    {
        Error = GetType().Name,
        Message,
        Request = $"{Method} {RequestUri.PathAndQuery}",
        Status = StatusCode,
        RequestId,
        Verified = this switch
        {
            WeChatPayApiException api => api.IsVerified,
            WeChatPayResultException result => result.IsVerified,
            _ => Response?.IsVerified,
        },
        Code = this switch
        {
            WeChatPayApiException api => api.Code,
            WeChatPayResultException result => result.ErrCode ?? result.ReturnCode,
            _ => null,
        },
        Data = Response?.DumpData(),
    };
}
