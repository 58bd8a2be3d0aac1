// Types shared by main.bicep and the rbac modules.

@export()
@description('A lake layer a team may be granted read access to. raw and quarantine are not layers a team picks: they come with pii.')
type ReadableLayer = 'load' | 'integrate' | 'products'

@export()
@description('A team: gets its own sandbox container and the read access declared here, nothing else.')
type Team = {
  @description('Lowercase letters, digits and hyphens; the sandbox container is named sandbox-<name>.')
  @minLength(2)
  @maxLength(55)
  name: string

  @description('Entra object id of the user, group or service principal that acts for the team.')
  @minLength(36)
  @maxLength(36)
  principalId: string

  @description('Kind of Entra principal behind principalId.')
  principalType: 'User' | 'Group' | 'ServicePrincipal'

  @description('Lake layers the team may read (Storage Blob Data Reader on each container).')
  readLayers: ReadableLayer[]

  @description('May read raw and quarantine, which hold personal data before tokenisation.')
  pii: bool

  @description('May write landing, the only way data enters the lake.')
  producer: bool
}
