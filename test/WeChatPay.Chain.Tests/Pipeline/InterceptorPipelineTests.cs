using Flurl.Http.Testing;
using WeChatPay.Chain.Pipeline;
using WeChatPay.Chain.Tests.Support;

namespace WeChatPay.Chain.Tests.Pipeline;

public class InterceptorPipelineTests
{
    private static InterceptorPipeline Pipeline()
    {
        InterceptorPipeline? captured = null;
        var options = TestKeys.Options();
        options.Pipeline = p => captured = p;
        Builder.Factory(options);
        return captured!;
    }

    [Test]
    public void Starts_with_the_named_built_in_steps() =>
        Assert.That(Pipeline().Names, Is.EqualTo(new[] { "signer", "verifier" }));

    [Test]
    public void Places_steps_relative_to_named_ones()
    {
        var pipeline = Pipeline();
        pipeline.Add(Interceptor.Before("outer", _ => Task.CompletedTask));
        pipeline.AddBefore("verifier", Interceptor.After("log", _ => Task.CompletedTask));
        pipeline.AddAfter("verifier", Interceptor.After("inner", _ => Task.CompletedTask));
        Assert.That(pipeline.Names, Is.EqualTo(new[] { "outer", "signer", "log", "verifier", "inner" }));
    }

    [Test]
    public void Refuses_a_duplicate_name() =>
        Assert.Throws<ArgumentException>(() => Pipeline().Add(Interceptor.Before("signer", _ => Task.CompletedTask)));

    [Test]
    public void Names_the_steps_it_has_when_asked_for_one_it_lacks()
    {
        var error = Assert.Throws<ArgumentException>(() => Pipeline().Remove("verify"));
        Assert.That(error!.Message, Does.Contain("signer, verifier"));
    }

    [Test]
    public async Task Runs_each_step_once_per_call_under_HttpTest()
    {
        var time = new FixedTime();
        var before = 0;
        var after = 0;
        var options = TestKeys.Options(time);
        options.Pipeline = p =>
        {
            p.Add(Interceptor.Before("count-before", _ => Task.FromResult(Interlocked.Increment(ref before))));
            p.Add(Interceptor.After("count-after", _ => Task.FromResult(Interlocked.Increment(ref after))));
        };
        IChainNode wx = Builder.Factory(options);
        using var http = new HttpTest();
        http.RespondSigned("{}", time);

        await wx.Chain("v3/foo").GetAsync();

        Assert.That((before, after), Is.EqualTo((1, 1)));
    }

    [Test]
    public async Task A_replaced_signer_signs_instead()
    {
        var time = new FixedTime();
        var options = TestKeys.Options(time);
        options.Pipeline = p => p.Replace("signer", Interceptor.Before("my-signer", call =>
        {
            call.Request.Headers.AddOrReplace("Authorization", "custom");
            return Task.CompletedTask;
        }));
        IChainNode wx = Builder.Factory(options);
        using var http = new HttpTest();
        http.RespondSigned("{}", time);

        await wx.Chain("v3/foo").GetAsync();

        Assert.That(http.CallLog.Single().HttpRequestMessage.Headers.Authorization!.ToString(), Is.EqualTo("custom"));
    }
}
