namespace EnvGis.Core.Notices;

/// <summary>A reminder's words in both languages (Vietnamese first) and where in the portal it leads.</summary>
public sealed record ReminderText(string SubjectVi, string SubjectEn, string BodyVi, string BodyEn, string Link);
