namespace EnvGis.Data.Notices;

/// <summary>A reminder or notice as kept and shown (envgis.reminders), with what became of its e-mail (<see cref="EmailTo"/>: addresses separated by commas).</summary>
public sealed record Reminder(
    long Id,
    string Kind,
    string Unit,
    string Period,
    DateTime? DueAt,
    string SubjectVi,
    string SubjectEn,
    string BodyVi,
    string BodyEn,
    string? Link,
    DateTime CreatedAt,
    string EmailTo,
    string EmailStatus,
    int EmailAttempts,
    DateTime? EmailSentAt,
    string? EmailError);
