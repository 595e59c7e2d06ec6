import { DEFAULT_VSYS, type Location } from '../src/panos/objects';

/**
 * Where a firewall's objects live: a firewall vsys, a Panorama template or a Panorama template stack. IPSec network
 * objects sit under the device; the vsys names where zones and interface imports go.
 */
export class PanosLocation {
  /** A firewall's vsys. @param vsys @default 'vsys1' */
  public static vsys(vsys: string = DEFAULT_VSYS): PanosLocation {
    return new PanosLocation({ type: 'vsys', vsys });
  }

  /** A Panorama template (objects are pushed to the firewalls using it). */
  public static template(template: string, vsys: string = DEFAULT_VSYS): PanosLocation {
    return new PanosLocation({ type: 'template', template, vsys });
  }

  /** A Panorama template stack. */
  public static templateStack(templateStack: string, vsys: string = DEFAULT_VSYS): PanosLocation {
    return new PanosLocation({ type: 'template-stack', templateStack, vsys });
  }

  private constructor(
    /** The object model's location. */
    public readonly location: Location,
  ) {}

  /** The vsys. */
  public get vsysName(): string {
    return this.location.vsys ?? DEFAULT_VSYS;
  }

  /** The location as the rules write it: `vsys:vsys1`, `template:T/vsys1`, `template-stack:TS/vsys1`. */
  public get factsLocation(): string {
    const l = this.location;
    switch (l.type) {
      case 'vsys':
        return `vsys:${this.vsysName}`;
      case 'template':
        return `template:${l.template}/${this.vsysName}`;
      case 'template-stack':
        return `template-stack:${l.templateStack}/${this.vsysName}`;
    }
  }
}
