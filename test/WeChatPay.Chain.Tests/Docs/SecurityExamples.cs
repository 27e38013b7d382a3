// The examples of docs/security.md, compiled and run against the fake platform.
using WeChatPay.Chain.Testing;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Docs;

[NonParallelizable]
public class SecurityExamples : PlatformFixture
{
    private async Task<string> Query(dynamic wx)
    {
        string outcome;
        #region security-failures
        try
        {
            await wx.V3.Profitsharing.ReturnOrders._out_return_no_.GetAsync(new { out_return_no = "R-unknown", query = new { out_order_no = "P20150806125346" } });
            outcome = "found";
        }
        catch (WeChatPayApiException e) when (!e.IsVerified)
        {
            outcome = $"unverified {e.StatusCode}: do not act on it, ask again later";    // anyone on the path could have written it
        }
        catch (WeChatPayApiException e)
        {
            outcome = $"{e.Code}";                                                        // the platform's own word: RESOURCE_NOT_EXISTS
        }
        catch (WeChatPayTransportException e) when (!e.MayHaveReachedPlatform)
        {
            outcome = "not sent: safe to send again";
        }
        catch (WeChatPayTransportException)
        {
            outcome = "no answer: it may have been acted on; query before sending again";
        }
        #endregion
        return outcome;
    }

    [Test]
    public async Task Failures()
    {
        dynamic wx = Builder.Factory(Platform.ClientOptions());
        Assert.That(await Query(wx), Is.EqualTo("RESOURCE_NOT_EXISTS"));

        Platform.Faults.Inject(Fault.NoSignatureHeaders);
        Assert.That(await Query(wx), Is.EqualTo("unverified 404: do not act on it, ask again later"));

        Platform.Faults.Inject(Fault.CloseConnection);
        Assert.That(await Query(wx), Is.EqualTo("no answer: it may have been acted on; query before sending again"));

        var closed = Platform.ClientOptions();
        closed.BaseUri = new Uri($"https://127.0.0.1:{UnusedPort()}/");
        Assert.That(await Query(Builder.Factory(closed)), Is.EqualTo("not sent: safe to send again"));
    }

    private static int UnusedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
