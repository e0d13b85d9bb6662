namespace EnvGis.Data.Notices;

/// <summary>A reminder whose e-mail is still to be sent.</summary>
public sealed record PendingMail(long Id, string[] EmailTo, string SubjectVi, string SubjectEn, string BodyVi, string BodyEn, string? Link);
