using System.Runtime.CompilerServices;

namespace WeChatPay.Chain.Pipeline;

/// <summary>Reads a response body once and hands the same bytes to the verifier and to the response object.</summary>
internal static class ResponseBody
{
    private static readonly ConditionalWeakTable<HttpResponseMessage, byte[]> Read = [];

    public static async Task<byte[]> ReadAsync(HttpResponseMessage response)
    {
        if (Read.TryGetValue(response, out var body))
        {
            return body;
        }

        body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        Read.AddOrUpdate(response, body);
        return body;
    }
}
