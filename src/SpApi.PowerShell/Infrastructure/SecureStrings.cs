using System.Runtime.InteropServices;
using System.Security;
using SpApi.Core.Security;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>Moves a SecureString into an <see cref="SpApiSecret"/>, freeing the unmanaged copy at once.</summary>
internal static class SecureStrings
{
    public static SpApiSecret? ToSecret(SecureString? value, string parameterName)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0)
        {
            throw new ArgumentException($"{parameterName} must not be empty.", parameterName);
        }

        var pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
        try
        {
            return new SpApiSecret(Marshal.PtrToStringUni(pointer)!);
        }
        finally
        {
            Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }
}
