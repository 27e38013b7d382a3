namespace WeChatPay.Chain.Transport;

/// <summary>What a transport failure says about whether the request left this process.</summary>
internal static class Transmission
{
    /// <summary>
    /// Whether <paramref name="error"/>, or an exception it wraps at any depth (Flurl's and
    /// <see cref="HttpRequestException"/> wrap the cause), proves that not one byte of the request was written: the
    /// connection was known closed before it.
    /// </summary>
    public static bool NothingWasSent(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is ConnectionClosedBeforeSendException)
            {
                return true;
            }
        }

        return false;
    }
}
