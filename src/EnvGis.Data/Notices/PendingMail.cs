namespace EnvGis.Data.Notices;

/// <summary>A reminder whose e-mail is still to be sent (<see cref="EmailTo"/>: addresses separated by commas).</summary>
public sealed record PendingMail(long Id, string EmailTo, string SubjectVi, string SubjectEn, string BodyVi, string BodyEn, string? Link);
