namespace Strata.Ui;

/// <summary>An embedded UI file: its bytes, its content type and a strong ETag (a hash of the bytes).</summary>
public sealed record UiAsset(string Path, byte[] Content, string ContentType, string ETag);
