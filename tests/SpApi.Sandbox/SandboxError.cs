namespace SpApi.Sandbox;

/// <summary>One entry of SP-API's errors lists: in error bodies and in a failed transaction's status.</summary>
public sealed record SandboxError(string Code, string Message, string? Details = null);
