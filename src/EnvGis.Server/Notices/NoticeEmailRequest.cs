namespace EnvGis.Server.Notices;

/// <summary>A unit's notice address; null or empty removes it.</summary>
public sealed record NoticeEmailRequest(string? Email);
