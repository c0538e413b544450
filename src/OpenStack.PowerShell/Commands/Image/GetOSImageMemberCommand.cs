using OpenStack.Client.Image.V2.Members;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>Lists the projects an image is shared with and what each said (`openstack image member list`).</summary>
    [Cmdlet(VerbsCommon.Get, "OSImageMember")]
    [OutputType(typeof(ImageMember))]
    public sealed class GetOSImageMemberCommand : ImageMemberCmdlet
    {
        protected override void Process(Client.Image.V2.Image image)
        {
            foreach (var member in Run(ct => Client.ListMembersAsync(image, ct))) WriteObject(member);
        }
    }
}
