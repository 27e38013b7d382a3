namespace WeChatPay.Chain.Tests.Support;

/// <summary>Where the repository is on this machine: the folder above the tests that holds WeChatPay.Chain.sln.</summary>
internal static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WeChatPay.Chain.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("WeChatPay.Chain.sln not found above the test directory");
    }
}
