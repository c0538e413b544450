using System.Runtime.InteropServices;
using System.Security;

namespace OpenStack.Client.Auth
{
    /// <summary>Moves secrets between <see cref="SecureString"/> and the plain text a request body needs.</summary>
    public static class SecretText
    {
        public static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (var c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Plain text of a secret, for the moment it is written into a request.</summary>
        internal static string Reveal(SecureString secret)
        {
            var ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(ptr) ?? string.Empty;
            }
            finally
            {
                if (ptr != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(ptr);
            }
        }
    }
}
