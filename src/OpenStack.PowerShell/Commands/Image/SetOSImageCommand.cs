using System.Collections;
using OpenStack.Client.Image.V2;

namespace OpenStack.PowerShell.Commands.Image
{
    /// <summary>
    /// Changes images (`openstack image set`): name, visibility, protection, minimums, properties and tags
    /// through one JSON patch, then -Deactivate or -Reactivate.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "OSImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Client.Image.V2.Image))]
    public sealed class SetOSImageCommand : ImageTargetCmdlet
    {
        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateSet("public", "private", "shared", "community", IgnoreCase = true)]
        public string? Visibility { get; set; }

        /// <summary>Protect the image from deletion; -Protected:$false removes the protection.</summary>
        [Parameter] public SwitchParameter Protected { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MinDisk { get; set; }

        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int? MinRam { get; set; }

        /// <summary>Custom properties to add or change.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Property { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveProperty { get; set; }

        /// <summary>Tags to add.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Tag { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? RemoveTag { get; set; }

        /// <summary>Make the image unusable for booting (admins only); its data stays.</summary>
        [Parameter] public SwitchParameter Deactivate { get; set; }

        [Parameter] public SwitchParameter Reactivate { get; set; }

        /// <summary>Write the image as it is after the change.</summary>
        [Parameter] public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (Deactivate && Reactivate)
            {
                ThrowTerminatingError(ErrorRecords.Create("ImageParameterConflict", ErrorCategory.InvalidArgument,
                    "-Deactivate and -Reactivate cannot be used together.", null));
            }
            if (BuildChanges(null).IsEmpty && !Deactivate && !Reactivate)
            {
                ThrowTerminatingError(ErrorRecords.Create("ImageNoChangeGiven", ErrorCategory.InvalidArgument,
                    "Nothing to change: give -Name, -Visibility, -Protected, -MinDisk, -MinRam, -Property, -RemoveProperty, -Tag, -RemoveTag, -Deactivate or -Reactivate.", null));
            }
        }

        protected override void Process(Client.Image.V2.Image image)
        {
            var changes = BuildChanges(image);
            var changed = false;
            if (!changes.IsEmpty && ShouldProcess(Describe(image), "Update image"))
            {
                image = Run(ct => Client.UpdateImageAsync(image, changes, ct));
                changed = true;
            }
            if (Deactivate && ShouldProcess(Describe(image), "Deactivate image"))
            {
                Run(ct => Client.DeactivateImageAsync(image.Id, ct));
                changed = true;
            }
            if (Reactivate && ShouldProcess(Describe(image), "Reactivate image"))
            {
                Run(ct => Client.ReactivateImageAsync(image.Id, ct));
                changed = true;
            }
            if (changed && PassThru)
            {
                var id = image.Id;
                WriteObject(Run(ct => Client.GetImageAsync(id, ct)));
            }
        }

        private UpdateImageOptions BuildChanges(Client.Image.V2.Image? current)
        {
            var changes = new UpdateImageOptions
            {
                Name = Name,
                Visibility = Visibility?.ToLowerInvariant(),
                Protected = MyInvocation.BoundParameters.ContainsKey(nameof(Protected)) ? Protected.ToBool() : (bool?)null,
                MinDisk = MinDisk,
                MinRam = MinRam,
            };
            if (Property != null)
            {
                foreach (DictionaryEntry pair in Property) changes.SetProperties[pair.Key.ToString()!] = pair.Value?.ToString() ?? string.Empty;
            }
            foreach (var key in RemoveProperty ?? Array.Empty<string>())
            {
                if (current != null && current.ExtraFields?.ContainsKey(key) != true)
                    WriteWarning($"Image {Describe(current)} has no property '{key}' to remove.");
                changes.RemoveProperties.Add(key);
            }
            foreach (var tag in Tag ?? Array.Empty<string>()) changes.AddTags.Add(tag);
            foreach (var tag in RemoveTag ?? Array.Empty<string>()) changes.RemoveTags.Add(tag);
            return changes;
        }
    }
}
