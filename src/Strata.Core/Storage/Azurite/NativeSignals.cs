using System.Runtime.InteropServices;

namespace Strata.Storage.Azurite;

/// <summary>POSIX signals, which .NET's Process API cannot send (it only kills).</summary>
internal static class NativeSignals
{
    private const int SigInt = 2;

    /// <summary>Sends SIGINT; false when it could not be sent.</summary>
    public static bool Interrupt(int pid)
    {
        try
        {
            return Kill(pid, SigInt) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
