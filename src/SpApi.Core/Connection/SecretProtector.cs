using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using SpApi.Core.Security;

namespace SpApi.Core.Connection;

/// <summary>
/// Protects secrets stored in a profile. On Windows they are encrypted with DPAPI for the current
/// user. Elsewhere no OS service is reachable from .NET without extra native libraries, so the file
/// itself is the protection: it is created readable and writable by its owner only (mode 600).
/// </summary>
internal static class SecretProtector
{
    public const string Dpapi = "dpapi";
    public const string FilePermissions = "file-permissions";

    public static bool CanEncrypt => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    public static StoredSecret Protect(SpApiSecret secret) =>
        CanEncrypt
            ? new StoredSecret { Protection = Dpapi, Value = Convert.ToBase64String(Dpapi32.Protect(Encoding.UTF8.GetBytes(secret.Reveal()))) }
            : new StoredSecret { Protection = FilePermissions, Value = secret.Reveal() };

    public static SpApiSecret Unprotect(StoredSecret stored, string field, string profileName)
    {
        switch (stored.Protection)
        {
            case Dpapi when CanEncrypt:
                try
                {
                    return new SpApiSecret(Encoding.UTF8.GetString(Dpapi32.Unprotect(Convert.FromBase64String(stored.Value ?? string.Empty))));
                }
                catch (Exception ex) when (ex is Win32Exception or FormatException)
                {
                    throw new InvalidOperationException(
                        $"The {field} of profile '{profileName}' cannot be decrypted: DPAPI secrets open only for the Windows user who saved them. Save the profile again as this user.", ex);
                }

            case Dpapi:
                throw new InvalidOperationException(
                    $"The {field} of profile '{profileName}' was encrypted with Windows DPAPI and cannot be read on this system. Save the profile again here.");
            case FilePermissions when !string.IsNullOrEmpty(stored.Value):
                return new SpApiSecret(stored.Value!);
            default:
                throw new InvalidOperationException($"The {field} of profile '{profileName}' is missing or has an unknown protection '{stored.Protection}'.");
        }
    }

    // CryptProtectData / CryptUnprotectData of crypt32.dll, scoped to the current user.
    private static class Dpapi32
    {
        private static readonly byte[] Entropy = Encoding.UTF8.GetBytes("SpApi.Profile.v1");

        public static byte[] Protect(byte[] data) => Transform(data, protect: true);

        public static byte[] Unprotect(byte[] data) => Transform(data, protect: false);

        private static byte[] Transform(byte[] data, bool protect)
        {
            var input = Pin(data);
            var entropy = Pin(Entropy);
            var output = default(DataBlob);
            try
            {
                var ok = protect
                    ? CryptProtectData(ref input.Blob, null, ref entropy.Blob, IntPtr.Zero, IntPtr.Zero, 0x1, ref output)
                    : CryptUnprotectData(ref input.Blob, IntPtr.Zero, ref entropy.Blob, IntPtr.Zero, IntPtr.Zero, 0x1, ref output);
                if (!ok)
                {
                    throw new Win32Exception(Marshal.GetLastWin32Error());
                }

                var result = new byte[output.Size];
                Marshal.Copy(output.Data, result, 0, output.Size);
                return result;
            }
            finally
            {
                input.Handle.Free();
                entropy.Handle.Free();
                if (output.Data != IntPtr.Zero)
                {
                    LocalFree(output.Data);
                }
            }
        }

        private static (GCHandle Handle, DataBlob Blob) Pin(byte[] data)
        {
            var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
            return (handle, new DataBlob { Size = data.Length, Data = handle.AddrOfPinnedObject() });
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct DataBlob
        {
            public int Size;
            public IntPtr Data;
        }

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool CryptProtectData(ref DataBlob dataIn, string? description, ref DataBlob entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("crypt32.dll", SetLastError = true)]
        private static extern bool CryptUnprotectData(ref DataBlob dataIn, IntPtr description, ref DataBlob entropy, IntPtr reserved, IntPtr prompt, int flags, ref DataBlob dataOut);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr memory);
    }
}
