using System.Text.RegularExpressions;
using OpenStack.Client.Identity.V3;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>Base of the image member cmdlets: images as ImageTargetCmdlet takes them, projects by name, id or object.</summary>
    public abstract class ImageMemberCmdlet : ImageTargetCmdlet
    {
        private static readonly Regex KeystoneId = new Regex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant);

        protected override string ErrorNoun => "ImageMember";

        /// <summary>
        /// A project's id: from a project object, the session's own project by name, a Keystone id as it is, else the
        /// project of that name (a Keystone lookup, which needs the right to list projects).
        /// </summary>
        protected string ProjectIdOf(object project)
        {
            var value = project is PSObject ps ? ps.BaseObject : project;
            if (value is Project p) return p.Id;
            var text = value.ToString() ?? string.Empty;
            if (text == CurrentSession.ProjectName && CurrentSession.ProjectId != null) return CurrentSession.ProjectId;
            if (KeystoneId.IsMatch(text)) return text;
            var identity = CreateClient(s => new IdentityClient(s));
            return Run(ct => identity.FindAsync(Projects.Resource, text, ct)).Id;
        }
    }
}
