using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WeChatPay.Chain.AspNetCore;

/// <summary>
/// What the platform expects back. Any answer but success makes it deliver the notification again later; so a
/// notification that was refused, or that the handler failed on, is answered with an error.
/// </summary>
internal abstract class Answer
{
    /// <summary>APIv3: 200 or 204 with no body on success; 4xx/5xx with <c>{"code":"FAIL","message":"…"}</c> otherwise.</summary>
    public static readonly Answer ApiV3 = new Json();

    /// <summary>APIv2: <c>return_code</c> SUCCESS or FAIL, in XML.</summary>
    public static readonly Answer ApiV2 = new Xml();

    public abstract Task SucceedAsync(HttpResponse response);

    /// <summary>Fails with <paramref name="message"/>, which names what went wrong and never quotes the notification.</summary>
    public abstract Task FailAsync(HttpResponse response, int status, string message);

    /// <summary>401 when the notification could not be shown to come from the platform, 400 when it is not one at all.</summary>
    public static int StatusFor(NotificationRejection reason) =>
        reason == NotificationRejection.Malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status401Unauthorized;

    private static async Task WriteAsync(HttpResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private sealed class Json : Answer
    {
        public override Task SucceedAsync(HttpResponse response)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        public override async Task FailAsync(HttpResponse response, int status, string message)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("code", "FAIL");
                writer.WriteString("message", message);
                writer.WriteEndObject();
            }

            await WriteAsync(response, status, "application/json; charset=utf-8", buffer.ToArray()).ConfigureAwait(false);
        }
    }

    private sealed class Xml : Answer
    {
        public override Task SucceedAsync(HttpResponse response) => WriteAsync(response, StatusCodes.Status200OK, "SUCCESS", "OK");

        public override Task FailAsync(HttpResponse response, int status, string message) => WriteAsync(response, status, "FAIL", message);

        private static Task WriteAsync(HttpResponse response, int status, string code, string message)
        {
            var xml = $"<xml><return_code><![CDATA[{code}]]></return_code><return_msg><![CDATA[{message.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]></return_msg></xml>";
            return Answer.WriteAsync(response, status, "application/xml; charset=utf-8", Encoding.UTF8.GetBytes(xml));
        }
    }
}
