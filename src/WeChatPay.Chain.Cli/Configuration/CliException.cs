namespace WeChatPay.Chain.Cli.Configuration;

/// <summary>A usage or configuration error: its message names the option, never a secret value; exit code 2.</summary>
internal sealed class CliException(string message, Exception? inner = null) : Exception(message, inner);
