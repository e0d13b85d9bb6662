using System.Diagnostics;

namespace EnvGis.Benchmarks;

/// <summary>
/// CPU seconds spent by the benchmark's server process and its PostgreSQL cluster (the postmaster, its live
/// children and those that ended), read from /proc (Linux). On a shared machine, wall-clock rates follow the
/// other jobs' load; the CPU a piece of work costs follows it far less, so ratios of CPU per row compare
/// two ways of doing the same work even when the machine is busy.
/// </summary>
public sealed class CpuMeter(BenchmarkEnvironment env)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    /// <summary>(server, PostgreSQL) CPU seconds so far.</summary>
    public (double Server, double Database) Read()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(env.ClusterDirectory, "postmaster.pid")).First());
        var database = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            if (pid == postmaster)
            {
                database += stat.Own + stat.Children;
            }
            else if (stat.Parent == postmaster)
            {
                database += stat.Own;
            }
        }

        return (Stat(env.ServerProcessId)?.Own ?? 0, database);
    }

    /// <summary>Own and ended children's CPU seconds and the parent id, from /proc/[pid]/stat.</summary>
    private static (double Own, double Children, int Parent)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name may hold spaces: the fields after it start behind the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        double F(int field) => long.Parse(fields[field - 3]) / TicksPerSecond;
        return (F(14) + F(15), F(16) + F(17), int.Parse(fields[4 - 3]));
    }
}
