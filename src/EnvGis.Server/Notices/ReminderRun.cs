namespace EnvGis.Server.Notices;

/// <summary>What one run of the reminder planner did: reminders added (new ones only) and e-mails sent.</summary>
public sealed record ReminderRun(int Added, int Sent);
