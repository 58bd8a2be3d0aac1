namespace Strata.Modes;

/// <summary>A raw blob as source modes track it: its bytes' SHA-256, landing order, raw path and the name it landed under.</summary>
public sealed record ModeBlob(string Sha256, long Sequence, string RawPath, string LandingName);

/// <summary>One blob no longer counting because a later one took its place.</summary>
/// <param name="Old">The superseded blob: its fragments leave every partition.</param>
/// <param name="By">The blob that superseded it.</param>
public sealed record Supersede(ModeBlob Old, ModeBlob By);

/// <summary>The blob in effect for a group, with the stored row's ETag (null when not stored yet).</summary>
public sealed record BlobInEffect(ModeBlob Blob, string? ETag);
