namespace EnvGis.Server.Api;

/// <summary>The documents of one record, oldest first.</summary>
public sealed record AttachmentList(IReadOnlyList<AttachmentInfo> Attachments);
